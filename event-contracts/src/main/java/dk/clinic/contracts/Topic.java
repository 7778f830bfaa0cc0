package dk.clinic.contracts;

/**
 * The Kafka topics of {@code contracts/asyncapi.yaml}'s channels. Declared once here for producers, consumers,
 * tests and benchmarks; {@code EventTypesTest} fails when this and the document disagree.
 */
public enum Topic {
    BOOKING_PATIENTS("booking.patients"),
    BOOKING_APPOINTMENTS("booking.appointments"),
    BOOKING_WAITLIST("booking.waitlist"),
    TREATMENT_EPISODES("treatment.episodes"),
    TREATMENT_PLANS("treatment.plans"),
    TREATMENT_SESSIONS("treatment.sessions"),
    TREATMENT_OUTCOMES("treatment.outcomes"),
    TREATMENT_SCHEDULING("treatment.scheduling");

    private final String address;

    Topic(String address) {
        this.address = address;
    }

    /** The topic's name on the broker. */
    public String address() {
        return address;
    }
}
