package dk.clinic.booking.bookable;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("room")
public class Room extends Bookable {

    /** e.g. treatment, gym: appointment types ask for a room of a kind. */
    @Column(name = "room_kind")
    public String roomKind;

    @Override
    public String kind() {
        return "room";
    }
}
