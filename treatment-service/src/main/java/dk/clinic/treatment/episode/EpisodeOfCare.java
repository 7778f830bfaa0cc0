package dk.clinic.treatment.episode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.Generated;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A patient's course of care for one condition: what brought them, their load, and the red-flag screen. */
@Entity
@Table(name = "episode_of_care")
public class EpisodeOfCare {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Condition condition;

    @Column(name = "condition_note")
    public String conditionNote;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Side side;

    @Column(name = "symptom_weeks")
    public Integer symptomWeeks;

    @Column(name = "weight_kg")
    public BigDecimal weightKg;

    @Column(nullable = false)
    public boolean runs;

    @Column(name = "standing_work", nullable = false)
    public boolean standingWork;

    public String footwear;

    @Column(name = "referral_source")
    public String referralSource;

    /** Pain for more than 2-3 weeks without improvement. */
    @Column(name = "rf_no_improvement", nullable = false)
    public boolean noImprovement;

    @Column(name = "rf_swelling_redness_warmth", nullable = false)
    public boolean swellingRednessWarmth;

    @Column(name = "rf_cannot_stand_or_walk", nullable = false)
    public boolean cannotStandOrWalk;

    /** e.g. diabetes, ankylosing spondylitis, osteoporosis. */
    @Column(name = "rf_systemic_disease", nullable = false)
    public boolean systemicDisease;

    @Column(name = "red_flag_note")
    public String redFlagNote;

    /** Computed by the database from the four flags. */
    @Generated
    @Column(name = "red_flag_positive", insertable = false, updatable = false)
    public Boolean redFlagPositive;

    @Enumerated(EnumType.STRING)
    @Column(name = "referral_decision")
    public ReferralDecision referralDecision;

    @Column(name = "referral_reason")
    public String referralReason;

    @Column(name = "referral_decided_by")
    public String referralDecidedBy;

    @Column(name = "referral_decided_at")
    public Instant referralDecidedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    public boolean anyRedFlag() {
        return noImprovement || swellingRednessWarmth || cannotStandOrWalk || systemicDisease;
    }

    /** A positive screen needs the practitioner's decision before treatment; "refer" ends treatment here. */
    public boolean awaitsReferralDecision() {
        return anyRedFlag() && referralDecision == null;
    }

    public enum Condition {
        plantar_heel_pain, achilles_tendinopathy, other
    }

    public enum Side {
        left, right, both
    }

    public enum ReferralDecision {
        /** Referred to a physician or orthopaedist; no further treatment sessions here. */
        refer,
        /** Judged safe to treat despite the flag, with the reason recorded. */
        treat
    }

    @Schema(name = "EpisodeStatus")
    public enum Status {
        open, closed
    }
}
