package dk.clinic.booking.appointmenttype;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.util.UUID;

/**
 * What can be booked: e.g. "Shockwave, 20 min, 10 min cleaning after, needs a practitioner who delivers
 * radial_shockwave, a treatment room and a radial shockwave unit".
 */
@Entity
@Table(name = "appointment_type")
public class AppointmentType {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "name_da", nullable = false)
    public String nameDa;

    @Column(name = "name_nb", nullable = false)
    public String nameNb;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @Column(name = "buffer_before_minutes", nullable = false)
    public int bufferBeforeMinutes;

    @Column(name = "buffer_after_minutes", nullable = false)
    public int bufferAfterMinutes;

    /** The practitioner must deliver this modality. */
    @Column(nullable = false)
    public String modality;

    /** A room of this kind is held too, when set. */
    @Column(name = "room_kind")
    public String roomKind;

    /** A device of this kind is held too, when set (e.g. radial_shockwave). */
    @Column(name = "device_kind")
    public String deviceKind;

    @Column(nullable = false)
    public boolean active = true;

    @Version
    public long version;

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public Duration bufferBefore() {
        return Duration.ofMinutes(bufferBeforeMinutes);
    }

    public Duration bufferAfter() {
        return Duration.ofMinutes(bufferAfterMinutes);
    }
}
