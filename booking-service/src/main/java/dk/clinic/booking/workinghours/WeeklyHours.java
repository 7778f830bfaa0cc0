package dk.clinic.booking.workinghours;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** A practitioner's week in the clinic's local time: working periods per weekday, with breaks cut out. */
@Schema(examples = """
        {"days":[{"weekday":"MONDAY","start":"08:00","end":"16:00","breaks":[{"start":"12:00","end":"12:30"}]},
                 {"weekday":"WEDNESDAY","start":"09:00","end":"17:00","breaks":[]}]}""")
public record WeeklyHours(@NotNull @Size(max = 21) List<@NotNull @Valid Day> days) {

    @Schema(name = "WorkingDay")
    public record Day(@NotNull DayOfWeek weekday, @NotNull LocalTime start, @NotNull LocalTime end,
                      @Size(max = 6) List<@NotNull @Valid Period> breaks) {
        public List<Period> breaksOrNone() {
            return breaks == null ? List.of() : breaks;
        }
    }

    @Schema(name = "BreakPeriod")
    public record Period(@NotNull LocalTime start, @NotNull LocalTime end) {
    }
}
