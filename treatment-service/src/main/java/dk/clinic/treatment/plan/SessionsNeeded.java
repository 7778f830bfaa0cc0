package dk.clinic.treatment.plan;

/**
 * Fired inside the plan's transaction when sessions of a course need booking: a new course, an extension after a
 * review, or a replacement for a missed session. The scheduling round trip turns it into a request to booking.
 */
public record SessionsNeeded(TreatmentPlan plan, Course course, int sessions, Reason reason) {

    public enum Reason {
        course_created, course_extended, replacement
    }
}
