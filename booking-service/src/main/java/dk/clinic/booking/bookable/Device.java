package dk.clinic.booking.bookable;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/** A scarce piece of equipment booked with the appointment, e.g. one of the clinic's radial shockwave units. */
@Entity
@DiscriminatorValue("device")
public class Device extends Bookable {

    /** e.g. radial_shockwave: appointment types ask for a device of a kind. */
    @Column(name = "device_kind")
    public String deviceKind;

    @Override
    public String kind() {
        return "device";
    }
}
