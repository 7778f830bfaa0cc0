package dk.clinic.booking.appointment;

import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.patient.PatientService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Appointments as the reception sees them, with their patients' names looked up in one query per list. */
@ApplicationScoped
public class AppointmentViews {

    private final ClinicService clinics;
    private final PatientService patients;

    AppointmentViews(ClinicService clinics, PatientService patients) {
        this.clinics = clinics;
        this.patients = patients;
    }

    public AppointmentView of(Appointment appointment) {
        return all(List.of(appointment)).getFirst();
    }

    public List<AppointmentView> all(List<Appointment> appointments) {
        ClinicCalendar calendar = clinics.calendar();
        Map<UUID, String> names = patients.names(appointments.stream().map(a -> a.patientId).toList());
        return appointments.stream().map(a -> AppointmentView.of(a, names.get(a.patientId), calendar)).toList();
    }
}
