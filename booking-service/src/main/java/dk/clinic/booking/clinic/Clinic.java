package dk.clinic.booking.clinic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.ZoneId;

/** The clinic: its time zone and the policies booking follows. There is exactly one. */
@Entity
@Table(name = "clinic")
public class Clinic {

    @Id
    public short id = 1;

    @Column(nullable = false)
    public String name;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** A patient's cancellation inside this notice is late. */
    @Column(name = "late_cancellation_notice_hours", nullable = false)
    public int lateCancellationNoticeHours;

    /** Reminders go out this long before the appointment. */
    @Column(name = "reminder_lead_hours", nullable = false)
    public int reminderLeadHours;

    /** How long a waitlist offer stays open. */
    @Column(name = "waitlist_offer_minutes", nullable = false)
    public int waitlistOfferMinutes;

    /** Slot search proposes start times on this grid of local time (e.g. every 15 minutes). */
    @Column(name = "slot_step_minutes", nullable = false)
    public int slotStepMinutes;

    @Version
    public long version;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Duration lateCancellationNotice() {
        return Duration.ofHours(lateCancellationNoticeHours);
    }
}
