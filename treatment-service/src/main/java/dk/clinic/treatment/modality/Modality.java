package dk.clinic.treatment.modality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A treatment the clinic offers, with the defaults a new course starts from and what a session may record. */
@Entity
@Table(name = "modality")
public class Modality {

    @Id
    public String code;

    @Column(name = "name_da", nullable = false)
    public String nameDa;

    @Column(name = "name_nb", nullable = false)
    public String nameNb;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "default_sessions")
    public Integer defaultSessions;

    @Column(name = "default_interval_days")
    public Integer defaultIntervalDays;

    @Column(name = "review_after_sessions")
    public Integer reviewAfterSessions;

    /** Sessions need a device booked with them (e.g. a shockwave unit). */
    @Column(name = "needs_device", nullable = false)
    public boolean needsDevice;

    /** A referral ends treatment here rather than scheduling sessions. */
    @Column(name = "is_referral", nullable = false)
    public boolean referral;

    /** Parameter name to its rule: {"type": "integer|number|text|list", "min": .., "max": .., "default": ..}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String parameters;

    @Column(nullable = false)
    public boolean active = true;

    @Version
    public long version;
}
