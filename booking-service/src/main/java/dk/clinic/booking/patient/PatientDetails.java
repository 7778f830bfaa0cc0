package dk.clinic.booking.patient;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

/** What the reception enters to register or correct a patient. */
@Schema(name = "PatientDetails", examples = """
        {"givenName":"Karen","familyName":"Nielsen","birthDate":"1971-04-12","email":"karen@example.dk",
         "phone":"+45 20 12 34 56","preferredLanguage":"da","reminderConsent":true}""")
public record PatientDetails(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @Past LocalDate birthDate,
        @Email @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9 ()-]{6,32}", message = "must be a phone number such as +45 20 12 34 56") String phone,
        @NotNull Language preferredLanguage,
        boolean reminderConsent) {
}
