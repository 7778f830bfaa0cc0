package dk.clinic.booking.appointment;

import dk.clinic.booking.clinic.ClinicCalendar;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The reception's filters on the appointment list; every one is optional. */
public record AppointmentQuery(LocalDate from, LocalDate to, UUID practitioner, UUID room, UUID device, UUID patient,
                               AppointmentStatus status, Boolean flagged) {

    record Result(List<Appointment> page, long total) {
    }

    Result run(AppointmentService appointments, ClinicCalendar calendar, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (from != null) {
            where.add("end > :from");
            parameters.and("from", calendar.startOfDay(from));
        }
        if (to != null) {
            where.add("start < :to");
            parameters.and("to", calendar.startOfDay(to.plusDays(1)));
        }
        add(where, parameters, "practitionerId", practitioner);
        add(where, parameters, "roomId", room);
        add(where, parameters, "deviceId", device);
        add(where, parameters, "patientId", patient);
        add(where, parameters, "status", status);
        if (flagged != null) {
            where.add(flagged ? "flag is not null" : "flag is null");
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        var found = appointments.find(query, Sort.by("start").and("id"), parameters).page(Page.of(page, size));
        return new Result(found.list(), found.count());
    }

    private static void add(List<String> where, Parameters parameters, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            parameters.and(field, value);
        }
    }
}
