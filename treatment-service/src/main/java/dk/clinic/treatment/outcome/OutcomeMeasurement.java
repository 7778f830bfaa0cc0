package dk.clinic.treatment.outcome;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One administration of an outcome measure: the raw answers and the score of each of its scales. */
@Entity
@Table(name = "outcome_measurement")
public class OutcomeMeasurement {

    @Id
    public UUID id;

    @Column(name = "episode_id", nullable = false)
    public UUID episodeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Instrument instrument;

    /** baseline, week_2, week_4, ..., discharge or extra. */
    @Column(nullable = false)
    public String timepoint;

    @Column(name = "measured_on", nullable = false)
    public LocalDate measuredOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String answers;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "outcome_score", joinColumns = @JoinColumn(name = "measurement_id"))
    public List<StoredScore> scores = new ArrayList<>();

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Embeddable
    public static class StoredScore {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public Scale scale;

        @Column(nullable = false, precision = 5, scale = 1)
        public BigDecimal value;

        @Column(nullable = false)
        public int answered;

        @Column(nullable = false)
        public int items;
    }
}
