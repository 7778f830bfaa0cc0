package dk.clinic.system;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;
import dk.clinic.testing.Tokens;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.clinic.system.Arrange.EVERY_DAY;
import static dk.clinic.system.Arrange.local;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reception desk's day in Chromium, as a receptionist does it, each story in another of the three languages:
 * booking a new patient on the shockwave unit, a time taken meanwhile, a plan's sessions booked and moved as a
 * series, a late cancellation that goes to the waitlist, and the calendar by keyboard alone. What the pages did is
 * read back from booking-service's REST API; every page is screenshotted and checked with axe-core on the way.
 */
@ExtendWith(RunningClinic.Started.class)
class ReceptionStoriesTest {

    private final RunningClinic clinic = RunningClinic.get();
    private final Arrange arrange = new Arrange(clinic);

    @Test
    void aNewPatientIsRegisteredAtTheDeskAndBookedForShockwaveOnTheUnit() {
        Texts da = Texts.of("da");
        UUID practitioner = arrange.practitioner("Sofie Stødbølge", EVERY_DAY, "radial_shockwave");
        arrange.device("Trykbølgeapparat A", "radial_shockwave");
        UUID type = arrange.appointmentType("rsw_desk", "Trykbølge 20 min", 20, "radial_shockwave",
                "radial_shockwave");

        try (Visit visit = Visit.to(clinic.web(), "book-shockwave", "da-DK").signedInAs("rita")) {
            visit.go("/book");
            assertThat(visit.heading(da.get("book.title"))).isVisible();
            visit.check("book");
            visit.choose(da.get("field.appointmentTypeId"), "Trykbølge 20 min")
                    .choose(da.get("field.practitionerId"), "Sofie Stødbølge");

            visit.button(da.get("patient.register")).click();
            visit.field(da.get("field.givenName")).fill("Ole");
            visit.field(da.get("field.familyName")).fill("Hælspore");
            visit.field(da.get("field.birthDate")).fill("1968-03-02");
            visit.check("register-patient");
            visit.button(da.get("patient.registerSubmit")).click();
            assertThat(visit.page.getByTestId("chosen-patient")).containsText("Ole Hælspore");

            visit.button(da.get("book.findTimes")).click();
            Locator first = visit.page.locator("ul.slots button").first();
            assertThat(first).containsText("Sofie Stødbølge");
            visit.check("free-times");
            String start = first.getAttribute("data-start");
            first.click();
            assertThat(visit.page.getByTestId("booked")).containsText("Sofie Stødbølge");
            visit.check("booked");

            UUID patient = patientNamed("Hælspore");
            List<Map<String, Object>> booked = arrange.appointmentsOf(patient);
            assertThat(booked).singleElement().satisfies(appointment -> {
                assertThat(appointment).containsEntry("practitionerId", practitioner.toString())
                        .containsEntry("appointmentTypeId", type.toString())
                        .containsEntry("localStart", start).containsEntry("status", "booked");
                // the type needs a radial shockwave unit, and the booking holds one for the whole time
                List<Map<String, Object>> devices = arrange.booking(Tokens.admin()).get("/api/devices")
                        .then().statusCode(200).extract().jsonPath().getList("$");
                assertThat(devices).filteredOn(device -> device.get("id").equals(appointment.get("deviceId")))
                        .singleElement().extracting(device -> device.get("deviceKind")).isEqualTo("radial_shockwave");
            });

            // the new appointment in the day's calendar, on the unit's row
            visit.link(da.get("book.showInCalendar")).click();
            assertThat(visit.heading(da.get("calendar.title"))).isVisible();
            visit.choose(da.get("calendar.by"), da.get("calendar.byDevice"));
            assertThat(event(visit, "Ole Hælspore")).isVisible();
            visit.check("calendar-by-device");
        }
    }

    @Test
    void aTimeTakenMeanwhileIsExplainedAndAnAlternativeTakenWithOneClick() {
        Texts en = Texts.of("en");
        UUID practitioner = arrange.practitioner("Theo Tidsrum", EVERY_DAY, "manual_therapy");
        UUID type = arrange.appointmentType("mt_conflict", "Manual therapy 30", 30, "manual_therapy", null);
        UUID patient = arrange.patient("Olivia", "Overlap");
        UUID other = arrange.patient("Bent", "Bagved");

        try (Visit visit = Visit.to(clinic.web(), "conflict", "en-GB").signedInAs("rita")) {
            visit.go("/book");
            visit.choose(en.get("field.appointmentTypeId"), "Manual therapy 30")
                    .choose(en.get("field.practitionerId"), "Theo Tidsrum");
            visit.field(en.get("patient.search")).fill("Overl");
            visit.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                    .setName("Olivia Overlap")).click();
            assertThat(visit.page.getByTestId("chosen-patient")).containsText("Olivia Overlap");
            visit.button(en.get("book.findTimes")).click();
            Locator wanted = visit.page.locator("ul.slots button").nth(3);
            String start = wanted.getAttribute("data-start");

            // the other desk books that time for another patient while this page still offers it
            arrange.book(other, type, practitioner, start);
            wanted.click();

            Locator conflict = visit.page.getByTestId("conflict");
            assertThat(conflict).containsText(en.get("book.taken",
                    Map.of("kind", en.get("resourceKind.practitioner"), "name", "Theo Tidsrum")));
            assertThat(conflict).containsText(en.get("book.alternatives"));
            visit.check("conflict");
            Locator alternative = conflict.locator("button").first();
            String instead = alternative.getAttribute("data-start");
            alternative.click();
            assertThat(visit.page.getByTestId("booked")).containsText("Theo Tidsrum");
            visit.check("alternative-booked");

            assertThat(instead).isNotEqualTo(start);
            assertThat(arrange.appointmentsOf(patient)).singleElement()
                    .satisfies(appointment -> assertThat(appointment).containsEntry("localStart", instead));
            assertThat(arrange.appointmentsOf(other)).singleElement()
                    .satisfies(appointment -> assertThat(appointment).containsEntry("localStart", start));
        }
    }

    @Test
    void aPlansRequestIsBookedAsASeriesThenOneIsDraggedAndTheFollowingOnesMoved() {
        Texts nb = Texts.of("nb");
        UUID practitioner = arrange.practitioner("Nora Nålestad", EVERY_DAY, "dry_needling");
        arrange.appointmentType("dn_series", "Nålebehandling 30", 30, "dry_needling", null);
        UUID patient = arrange.patient("Per", "Plantar");
        UUID episode = arrange.episode(patient);
        UUID plan = Arrange.created(arrange.treatment(Tokens.practitioner()).body("""
                {"episodeId":"%s","goals":["Walk 30 minutes without heel pain"],
                 "courses":[{"modality":"dry_needling","plannedSessions":4,"intervalDays":7,"replaceMissed":true,
                             "practitionerPreference":"%s"}]}""".formatted(episode, practitioner))
                .post("/api/plans"));
        arrange.openRequest(plan, "course_created");

        try (Visit visit = Visit.to(clinic.web(), "series", "nb-NO").signedInAs("rita")) {
            visit.go("/requests");
            Locator request = visit.page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Per Plantar"));
            visit.reloadUntilVisible(request);
            visit.check("requests");
            request.getByRole(AriaRole.BUTTON).click();
            visit.choose(nb.get("field.appointmentTypeId"), "Nålebehandling 30")
                    .choose(nb.get("field.practitionerId"), "Nora Nålestad");
            visit.button(nb.get("requests.findFirst")).click();
            Locator first = visit.page.locator("dialog ul.slots button").first();
            String firstStart = first.getAttribute("data-start");
            first.click();
            visit.check("book-series");
            visit.button(nb.get("requests.bookAll_other", Map.of("count", 4))).click();
            assertThat(visit.page.getByTestId("series-booked").locator("li")).hasCount(4);
            visit.check("series-booked");

            List<Map<String, Object>> series = arrange.appointmentsOf(patient);
            assertThat(series).extracting(a -> local(a.get("localStart"))).containsExactly(
                    local(firstStart), local(firstStart).plusDays(7), local(firstStart).plusDays(14),
                    local(firstStart).plusDays(21));

            // the second session, dragged an hour along its row of the day's calendar, then confirmed in the dialog
            LocalDateTime second = local(series.get(1).get("localStart"));
            boolean later = second.toLocalTime().isBefore(LocalTime.NOON);
            LocalDateTime dragged = second.plusHours(later ? 1 : -1);
            visit.go("/calendar?date=" + second.toLocalDate());
            Locator occurrence = event(visit, "Per Plantar");
            occurrence.scrollIntoViewIfNeeded();
            BoundingBox box = occurrence.boundingBox();
            double hour = box.width * 2; // the session is half an hour long
            visit.page.mouse().move(box.x + 6, box.y + box.height / 2);
            visit.page.mouse().down();
            visit.page.mouse().move(box.x + 6 + (later ? hour : -hour), box.y + box.height / 2,
                    new Mouse.MoveOptions().setSteps(12));
            visit.page.mouse().up();
            Locator dialog = visit.page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).containsText(nb.get("series.occurrences_other", Map.of("count", 4)));
            assertThat(visit.field(nb.get("field.time"))).hasValue(dragged.toLocalTime().toString());
            visit.check("dragged");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(nb.get("action.move"))
                    .setExact(true)).click();
            assertThat(dialog).containsText(nb.get("appointment.moved"));
            assertThat(arrange.appointmentsOf(patient)).extracting(a -> local(a.get("localStart"))).containsExactly(
                    local(firstStart), dragged, local(firstStart).plusDays(14), local(firstStart).plusDays(21));
            visit.press("Escape");

            // the third and the fourth to nine in the morning, from the third's dialog
            LocalDateTime third = local(series.get(2).get("localStart"));
            visit.go("/calendar?date=" + third.toLocalDate());
            event(visit, "Per Plantar").click();
            visit.button(nb.get("action.move")).click();
            visit.field(nb.get("field.time")).fill("09:00");
            visit.field(nb.get("appointment.thisAndFollowing")).check();
            visit.field(nb.get("field.reason")).fill("Pasienten jobber skift");
            visit.check("move-following");
            visit.button(nb.get("action.move")).click();
            assertThat(dialog).containsText(nb.get("appointment.moved"));
            visit.check("moved-following");
            LocalTime nine = LocalTime.of(9, 0);
            assertThat(arrange.appointmentsOf(patient)).extracting(a -> local(a.get("localStart"))).containsExactly(
                    local(firstStart), dragged, third.with(nine), local(series.get(3).get("localStart")).with(nine));
        }
    }

    @Test
    void aLateCancellationGoesToTheWaitlistWhoseOfferIsAccepted() {
        Texts da = Texts.of("da");
        UUID practitioner = arrange.practitioner("Lise Ledig", EVERY_DAY, "osteopathy");
        UUID type = arrange.appointmentType("osteo_wl", "Osteopati 45", 45, "osteopathy", null);
        UUID cancelling = arrange.patient("Anna", "Aflyser");
        UUID waiting = arrange.patient("Bo", "Venteliste");
        UUID withdrawing = arrange.patient("Carl", "Trækker");
        // within the clinic's notice (24 hours), so that cancelling it is late
        String start = arrange.firstFreeTime(type, practitioner, Instant.now().plus(Duration.ofHours(2)));
        UUID appointment = arrange.book(cancelling, type, practitioner, start);
        LocalDateTime earliest = LocalDateTime.now(Arrange.CLINIC_ZONE).plusHours(1).truncatedTo(ChronoUnit.HOURS);
        LocalDateTime latest = earliest.plusDays(3);
        // the most urgent: were Carl still waiting, the freed time would go to him
        Arrange.created(arrange.booking(Tokens.receptionist()).body(Map.of("patientId", withdrawing,
                "appointmentTypeId", type, "practitionerId", practitioner, "earliest", earliest.toString(),
                "latest", latest.toString(), "priority", 1)).post("/api/waitlist"));

        try (Visit visit = Visit.to(clinic.web(), "waitlist", "da-DK").signedInAs("rita")) {
            visit.go("/waitlist");
            assertThat(visit.heading(da.get("waitlist.title"))).isVisible();
            Locator entries = visit.page.getByTestId("entries");
            Locator carl = entries.locator("tr").filter(new Locator.FilterOptions().setHasText("Carl Trækker"));
            carl.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(da.get("action.withdraw"))).click();
            assertThat(visit.page.getByRole(AriaRole.STATUS).first()).hasText(da.get("waitlist.withdrawn"));
            assertThat(carl).hasCount(0);

            // Bo is put on the list at the desk, for any time with Lise in the next three days
            Locator form = visit.page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions()
                    .setName(da.get("waitlist.add")));
            form.getByLabel(da.get("patient.search")).fill("Ventel");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Bo Venteliste")).click();
            form.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName(da.get("field.appointmentTypeId"))
                    .setExact(true)).selectOption(new SelectOption().setLabel("Osteopati 45"));
            form.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName(da.get("field.practitionerId"))
                    .setExact(true)).selectOption(new SelectOption().setLabel("Lise Ledig"));
            form.getByLabel(da.get("field.earliest")).fill(earliest.toString());
            form.getByLabel(da.get("field.latest")).fill(latest.toString());
            visit.check("add-to-waitlist");
            visit.button(da.get("waitlist.addSubmit")).click();
            assertThat(entries.locator("tr").filter(new Locator.FilterOptions().setHasText("Bo Venteliste")))
                    .containsText(da.get("status.waitlist.waiting"));
            visit.check("waiting");

            // Anna calls off her appointment today: the calendar's dialog marks it late
            visit.go("/calendar?date=" + local(start).toLocalDate());
            event(visit, "Anna Aflyser").click();
            Locator dialog = visit.page.getByRole(AriaRole.DIALOG);
            visit.button(da.get("action.cancelAppointment")).click();
            visit.field(da.get("field.reason")).fill("Syg");
            visit.check("cancel");
            visit.button(da.get("action.confirmCancel")).click();
            assertThat(dialog).containsText(da.get("appointment.cancelledNow"));
            assertThat(dialog.locator(".badge.late")).hasText(da.get("appointment.late"));
            visit.check("cancelled-late");
            assertThat(arrange.appointment(appointment)).containsEntry("status", "cancelled")
                    .extractingByKey("cancellation").asInstanceOf(
                            InstanceOfAssertFactories.MAP).containsEntry("late", true);
            visit.press("Escape");

            // the freed time is offered to Bo, who says yes on the phone
            visit.go("/waitlist");
            Locator offer = visit.page.getByTestId("offers").locator("tr")
                    .filter(new Locator.FilterOptions().setHasText("Bo Venteliste"));
            visit.reloadUntilVisible(offer);
            visit.check("offer");
            offer.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(da.get("action.accept"))).click();
            assertThat(visit.page.getByRole(AriaRole.STATUS).first()).hasText(da.get("waitlist.accepted"));
            visit.check("accepted");
        }
        assertThat(arrange.appointmentsOf(waiting)).singleElement().satisfies(booked ->
                assertThat(booked).containsEntry("localStart", start).containsEntry("status", "booked")
                        .containsEntry("practitionerId", practitioner.toString()));
        assertThat(arrange.appointmentsOf(withdrawing)).isEmpty();
    }

    @Test
    void theCalendarIsWorkedByKeyboardAloneAndAStalePageSaysWhatChanged() {
        Texts en = Texts.of("en");
        UUID practitioner = arrange.practitioner("Kim Tastatur", EVERY_DAY, "exercise_programme");
        UUID type = arrange.appointmentType("ex_kb", "Exercise review 30", 30, "exercise_programme", null);
        UUID patient = arrange.patient("Karl", "Keyboard");
        String start = arrange.firstFreeTime(type, practitioner, Instant.now().plus(Duration.ofMinutes(5)));
        UUID appointment = arrange.book(patient, type, practitioner, start);

        try (Visit visit = Visit.to(clinic.web(), "keyboard", "en-GB").signedInAs("rita")) {
            visit.go("/calendar?date=" + local(start).toLocalDate());
            Locator event = event(visit, "Karl Keyboard");
            assertThat(event).isVisible();
            visit.check("calendar");

            // the first Tab offers the way past the navigation
            visit.press("Tab");
            assertThat(visit.link(en.get("app.skip"))).isFocused();
            visit.press("Enter");
            assertThat(visit.page.locator("main")).isFocused();

            // to the appointment and into its dialog without a mouse
            visit.tabTo(event, 200).press("Enter");
            Locator dialog = visit.page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).containsText("Karl Keyboard");
            visit.check("dialog");
            visit.tabTo(visit.button(en.get("action.arrive")), 20).press("Enter");
            assertThat(dialog).containsText(en.get("appointment.arrived"));
            assertThat(dialog).containsText(en.get("status.appointment.arrived"));

            // someone at another desk marks it delivered while this dialog still shows it checked in
            arrange.booking(Tokens.receptionist())
                    .header("If-Match", Arrange.etag(arrange.booking(Tokens.receptionist())
                            .get("/api/appointments/{id}", appointment)))
                    .post("/api/appointments/{id}/fulfil", appointment).then().statusCode(200);
            visit.tabTo(visit.button(en.get("action.fulfil")), 20).press("Enter");
            assertThat(dialog.getByRole(AriaRole.ALERT)).hasText(en.get("appointment.stale"));
            assertThat(dialog).containsText(en.get("status.appointment.fulfilled"));
            visit.check("stale");

            // Escape closes the dialog and gives the focus back to the page
            visit.press("Escape");
            assertThat(dialog).hasCount(0);
        }
        assertThat(arrange.appointment(appointment)).containsEntry("status", "fulfilled");
    }

    /** An appointment in the calendar, found as a screen reader user finds it: by its label. */
    /** The patient's appointment in the calendar, once the calendar has its appointments. */
    private static Locator event(Visit visit, String patientName) {
        assertThat(visit.page.getByTestId("calendar")).hasAttribute("aria-busy", "false");
        return visit.page.locator(".ec-event[role=button][aria-label*=\"" + patientName + "\"]");
    }

    private UUID patientNamed(String name) {
        List<String> ids = arrange.booking(Tokens.receptionist()).queryParam("name", name).get("/api/patients")
                .then().statusCode(200).extract().path("id");
        assertThat(ids).hasSize(1);
        return UUID.fromString(ids.get(0));
    }
}
