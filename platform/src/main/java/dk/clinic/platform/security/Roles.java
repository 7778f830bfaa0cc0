package dk.clinic.platform.security;

/** The clinic's roles, as they appear in the token's groups. Every endpoint names the ones it admits. */
public final class Roles {
    /** Books, moves, cancels and checks in appointments; registers patients; keeps the waitlist. */
    public static final String RECEPTIONIST = "receptionist";
    /** Assesses patients, writes treatment plans and session records. */
    public static final String PRACTITIONER = "practitioner";
    /** Reads outcome reports (the clinic lead). */
    public static final String ANALYST = "analyst";
    /** Maintains reference data: clinic, rooms, devices, practitioners, appointment types, modalities. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
