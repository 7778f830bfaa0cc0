package dk.clinic.booking.series;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The series table, for this package only. */
@ApplicationScoped
class SeriesRepository implements PanacheRepositoryBase<AppointmentSeries, UUID> {
}
