package dk.clinic.booking.bookable;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Set;
import java.util.UUID;

/** What an admin sends to keep practitioners, rooms and devices, and what everyone reads back. */
public final class BookableDetails {

    /** Codes such as dry_needling, radial_shockwave, treatment: lower case, digits and underscores. */
    static final String CODE = "[a-z][a-z0-9_]{1,59}";
    static final String CODE_MESSAGE = "must be a code such as dry_needling (lower case, digits, underscores)";

    private BookableDetails() {
    }

    /** What an admin sends for a bookable thing of kind {@code T}: it sets the thing's fields. */
    public sealed interface Details<T extends Bookable> permits PractitionerDetails, RoomDetails, DeviceDetails {

        String name();

        Boolean active();

        void applyTo(T thing);

        /** Name and activity, the same for every kind: a name without stray spaces, active unless said otherwise. */
        default void applyCommon(Bookable thing) {
            thing.name = name().trim();
            thing.active = active() == null || active();
        }
    }

    @Schema(examples = """
            {"name":"Mette Holm","profession":"physiotherapist","modalities":["dry_needling","radial_shockwave","exercise_programme"]}""")
    public record PractitionerDetails(@NotBlank @Size(max = 200) String name,
                                      @NotNull Practitioner.Profession profession,
                                      @Size(max = 30) Set<@NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String> modalities,
                                      Boolean active) implements Details<Practitioner> {
        @Override
        public void applyTo(Practitioner practitioner) {
            applyCommon(practitioner);
            practitioner.profession = profession;
            practitioner.modalities.clear();
            practitioner.modalities.addAll(modalities == null ? Set.of() : modalities);
        }
    }

    @Schema(examples = """
            {"name":"Behandlingsrum 1","roomKind":"treatment"}""")
    public record RoomDetails(@NotBlank @Size(max = 200) String name,
                              @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String roomKind,
                              Boolean active) implements Details<Room> {
        @Override
        public void applyTo(Room room) {
            applyCommon(room);
            room.roomKind = roomKind;
        }
    }

    @Schema(examples = """
            {"name":"Shockwave 1","deviceKind":"radial_shockwave"}""")
    public record DeviceDetails(@NotBlank @Size(max = 200) String name,
                                @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String deviceKind,
                                Boolean active) implements Details<Device> {
        @Override
        public void applyTo(Device device) {
            applyCommon(device);
            device.deviceKind = deviceKind;
        }
    }

    public record PractitionerView(UUID id, String name, Practitioner.Profession profession, Set<String> modalities,
                                   boolean active, long version) {
        static PractitionerView of(Practitioner p) {
            return new PractitionerView(p.id, p.name, p.profession, Set.copyOf(p.modalities), p.active, p.version);
        }
    }

    public record RoomView(UUID id, String name, String roomKind, boolean active, long version) {
        static RoomView of(Room r) {
            return new RoomView(r.id, r.name, r.roomKind, r.active, r.version);
        }
    }

    public record DeviceView(UUID id, String name, String deviceKind, boolean active, long version) {
        static DeviceView of(Device d) {
            return new DeviceView(d.id, d.name, d.deviceKind, d.active, d.version);
        }
    }
}
