package dk.clinic.booking.workinghours;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** Whole local days the clinic is closed, e.g. public holidays. */
@Entity
@Table(name = "clinic_closure")
public class ClinicClosure {

    @Id
    public UUID id;

    @Column(name = "first_day", nullable = false)
    public LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    public LocalDate lastDay;

    @Column(nullable = false)
    public String reason;
}
