package dk.clinic.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the demo generator created, in its own words: the facts it sent through the public APIs and the answers it
 * got, kept apart from any service's tables, so that a test can work out every report from it independently.
 *
 * @param zone the clinic's time zone (from booking-service's settings)
 */
public record DemoRecord(long seed, LocalDate firstDay, LocalDate lastDay, String zone, List<Episode> episodes,
                         List<Appointment> appointments) {

    /**
     * One episode of care.
     *
     * @param initialModality the modality of the plan's first course; null when it has no plan
     * @param closedAt        null while it is open
     */
    public record Episode(UUID patientId, UUID episodeId, String condition, Instant openedAt, Instant closedAt,
                          String initialModality, UUID practitionerId, List<Measure> measures,
                          List<Session> sessions, List<Decision> decisions) {
    }

    /** An NRS first-step pain measure. */
    public record Measure(UUID measurementId, String timepoint, LocalDate measuredOn, int value) {
    }

    /** A delivered session and the first-step pain recorded for it. */
    public record Session(UUID appointmentId, String modality, int numberInCourse, Instant deliveredAt, int pain) {
    }

    /** A decision at a course's review point. */
    public record Decision(String modality, int sessionsDelivered, String decision) {
    }

    /**
     * An appointment booked for a plan, as it ended.
     *
     * @param status booked, fulfilled, noshow or cancelled
     * @param late   cancelled by the patient inside the clinic's notice
     */
    public record Appointment(UUID id, UUID patientId, UUID practitionerId, String modality, UUID courseId,
                              Instant start, String status, boolean cancelledByPatient, boolean late) {
    }
}
