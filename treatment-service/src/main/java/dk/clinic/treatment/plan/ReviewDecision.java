package dk.clinic.treatment.plan;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** What the practitioner decided at a course's review point, and why. */
@Entity
@Table(name = "review_decision")
public class ReviewDecision {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Convert(converter = DecisionCodes.class)
    @Column(nullable = false)
    public Decision decision;

    @Column(name = "additional_sessions")
    public Integer additionalSessions;

    @Column(name = "new_modality")
    public String newModality;

    @Column(nullable = false)
    public String reason;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Schema(name = "ReviewDecisionKind")
    public enum Decision {
        /** n more sessions of the same modality. */
        continue_course("continue"),
        /** stop this modality and start a course of another. */
        switch_modality("switch"),
        /** goal met: the plan ends. */
        discharge("discharge"),
        /** refer to a physician or orthopaedist: the plan ends. */
        refer("refer");

        private final String code;

        Decision(String code) {
            this.code = code;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return code;
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Decision of(String code) {
            for (Decision d : values()) {
                if (d.code.equals(code)) {
                    return d;
                }
            }
            throw new IllegalArgumentException("must be continue, switch, discharge or refer");
        }
    }

    /** Stores a decision by its code (continue, switch, ...), which Java cannot use as constant names. */
    static class DecisionCodes implements AttributeConverter<Decision, String> {
        @Override
        public String convertToDatabaseColumn(Decision decision) {
            return decision == null ? null : decision.code();
        }

        @Override
        public Decision convertToEntityAttribute(String code) {
            return code == null ? null : Decision.of(code);
        }
    }
}
