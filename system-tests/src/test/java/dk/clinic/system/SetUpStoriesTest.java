package dk.clinic.system;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.clinic.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clinic lead's set-up in Chromium: a new practitioner, what she delivers and when she works, and the reception's
 * calendar and free times that follow from it.
 */
@ExtendWith(RunningClinic.Started.class)
class SetUpStoriesTest {

    private final RunningClinic clinic = RunningClinic.get();
    private final Arrange arrange = new Arrange(clinic);

    @Test
    void anAdminAddsAPractitionerWithHoursWhoThenAppearsInTheCalendarWithFreeTimes() {
        Texts en = Texts.of("en");
        LocalDate tomorrow = Arrange.today().plusDays(1);
        String weekday = en.get("weekday." + tomorrow.getDayOfWeek());

        try (Visit visit = Visit.to(clinic.web(), "set-up", "en-GB").signedInAs("admin")) {
            visit.go("/setup");
            assertThat(visit.heading(en.get("setup.title"))).isVisible();
            visit.check("clinic");

            visit.link(en.get("setup.practitioners")).click();
            // the clinic's form has a Name too: fill only once the practitioners' page has replaced it
            assertThat(visit.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName(en.get("setup.addPractitioner")))).isVisible();
            visit.field(en.get("field.name")).fill("Ingrid Indsat");
            visit.choose(en.get("field.profession"), en.get("profession.osteopath"));
            visit.field(en.get("field.modalities")).fill("osteopathy, manual_therapy");
            visit.check("add-practitioner");
            visit.button(en.get("setup.addPractitioner")).click();
            assertThat(visit.page.getByRole(AriaRole.STATUS)).hasText(en.get("setup.saved"));
            Locator ingrid = visit.page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Ingrid Indsat"));
            assertThat(ingrid).containsText(en.get("modality.osteopathy"));
            assertThat(ingrid).containsText(en.get("modality.manual_therapy"));

            visit.link(en.get("setup.types")).click();
            visit.field(en.get("field.code")).fill("osteo_new");
            visit.field(en.get("field.nameDa")).fill("Osteopati, første konsultation");
            visit.field(en.get("field.nameNb")).fill("Osteopati, første konsultasjon");
            visit.field(en.get("field.nameEn")).fill("Osteopathy, first consultation");
            visit.field(en.get("field.durationMinutes")).fill("45");
            visit.field(en.get("field.modality")).fill("osteopathy");
            visit.button(en.get("setup.add.type")).click();
            assertThat(visit.page.getByRole(AriaRole.STATUS)).hasText(en.get("setup.saved"));

            // she works tomorrow's weekday, nine to three, with half an hour for lunch
            visit.link(en.get("setup.hours")).click();
            visit.choose(en.get("field.practitionerId"), "Ingrid Indsat");
            visit.button(en.get("setup.addPeriod")).click();
            visit.choose(en.get("field.weekday"), weekday);
            visit.field(en.get("field.start")).fill("09:00");
            visit.field(en.get("field.end")).fill("15:00");
            visit.check("hours");
            visit.button(en.get("action.save")).click();
            assertThat(visit.page.getByRole(AriaRole.STATUS)).hasText(en.get("setup.saved"));

            UUID practitioner = practitionerNamed("Ingrid Indsat");
            List<Map<String, Object>> days = arrange.booking(Tokens.admin())
                    .get("/api/working-hours/{id}", practitioner).then().statusCode(200).extract().path("days");
            assertThat(days).singleElement().satisfies(day -> {
                assertThat(day).containsEntry("weekday", tomorrow.getDayOfWeek().name());
                assertThat((String) day.get("start")).startsWith("09:00");
                assertThat((String) day.get("end")).startsWith("15:00");
            });

            // the reception's calendar has her row, and her first free time is at nine
            visit.go("/calendar?date=" + tomorrow);
            assertThat(visit.page.getByTestId("calendar")).containsText("Ingrid Indsat");
            visit.check("calendar");
            visit.go("/book");
            visit.choose(en.get("field.appointmentTypeId"), "Osteopathy, first consultation")
                    .choose(en.get("field.practitionerId"), "Ingrid Indsat");
            visit.field(en.get("field.from")).fill(tomorrow.toString());
            visit.field(en.get("field.to")).fill(tomorrow.toString());
            visit.button(en.get("book.findTimes")).click();
            Locator first = visit.page.locator("ul.slots button").first();
            assertThat(first).hasAttribute("data-start", tomorrow + "T09:00");
            assertThat(first).containsText("09:00");
            visit.check("free-times");
        }
    }

    private UUID practitionerNamed(String name) {
        List<Map<String, Object>> all = arrange.booking(Tokens.admin()).get("/api/practitioners")
                .then().statusCode(200).extract().path("$");
        return all.stream().filter(p -> name.equals(p.get("name"))).map(p -> UUID.fromString((String) p.get("id")))
                .findFirst().orElseThrow(() -> new AssertionError("no practitioner " + name));
    }
}
