package dk.clinic.booking.series;

import dk.clinic.booking.clinic.ClinicTime;
import dk.clinic.platform.validation.MultilineText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * A course to book: {@code count} occurrences from {@code firstStart}, {@code intervalDays} apart on the clinic's
 * wall clock, or exactly the local {@code starts} given (which replace firstStart, count and intervalDays).
 * With {@code schedulingRequestId} the series books a treatment plan's request and carries its plan and course.
 */
@Schema(examples = """
        {"patientId":"0f8fad5b-d9cb-469f-a165-70867728950e","appointmentTypeId":"3fa85f64-5717-4562-b3fc-2c963f66afa6",
         "practitionerId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","firstStart":"2027-03-16T09:00","count":4,
         "intervalDays":7}""")
public record SeriesRequest(@NotNull UUID patientId, @NotNull UUID appointmentTypeId, @NotNull UUID practitionerId,
                            UUID roomId, UUID deviceId, ClinicTime firstStart, @Min(1) Integer count,
                            @Min(1) @Max(90) Integer intervalDays, List<@NotNull ClinicTime> starts,
                            @MultilineText @Size(max = 1000) String note, UUID schedulingRequestId) {

    static final int WEEKLY = 7;

    int interval() {
        return intervalDays == null ? WEEKLY : intervalDays;
    }
}
