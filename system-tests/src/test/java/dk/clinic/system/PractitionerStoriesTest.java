package dk.clinic.system;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.clinic.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.clinic.system.Arrange.EVERY_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The practitioner's stories in Chromium: an episode opened with a red flag asks for the referral decision first; a
 * dry-needling plan booked automatically puts its appointments in the calendar; sessions recorded with the
 * modality's form reach the review point, where the course is switched to shockwave; an FFI filled on screen shows
 * its score as the answers are entered, the same score treatment-service stores. And a receptionist who opens a
 * practitioner's page is told plainly that the role may not.
 */
@ExtendWith(RunningClinic.Started.class)
class PractitionerStoriesTest {

    private final RunningClinic clinic = RunningClinic.get();
    private final Arrange arrange = new Arrange(clinic);

    @Test
    void aPositiveRedFlagScreenAsksForTheReferralDecisionBeforeAnyPlan() {
        Texts en = Texts.of("en");
        UUID patient = arrange.patient("Ruth", "Redflagsen");
        known(patient);
        try (Visit visit = Visit.to(clinic.web(), "red-flag", "en-GB").signedInAs("paula")) {
            visit.link(en.get("nav.patients")).click();
            visit.field(en.get("practice.patients.search")).fill("Redflagsen");
            visit.button(en.get("action.search")).click();
            visit.link("Ruth Redflagsen").click();
            assertThat(visit.heading("Ruth Redflagsen")).isVisible();
            visit.check("patient");

            visit.page.getByLabel(en.get("practice.redFlag.swellingRednessWarmth")).check();
            visit.field(en.get("practice.open.redFlagNote")).fill("Warm, swollen heel since Sunday");
            visit.button(en.get("practice.open.submit")).click();

            // the episode page asks for the decision first, says why, and offers no plan yet
            assertThat(visit.page.getByTestId("referral-why")).hasText(en.get("practice.referral.why"));
            assertThat(visit.page.getByTestId("red-flags")).hasText(en.get("practice.redFlag.swellingRednessWarmth"));
            assertThat(visit.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName(en.get("practice.plan.write")))).hasCount(0);
            visit.check("referral-decision-asked");

            visit.page.getByLabel(en.get("practice.referral.treat")).check();
            visit.field(en.get("practice.review.reason")).fill("Inflammatory signs settled on examination; no fever");
            visit.button(en.get("practice.referral.save")).click();
            assertThat(visit.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName(en.get("practice.plan.write")))).isVisible();
            assertThat(visit.page.getByText(en.get("practice.referral.treat") + ": Inflammatory signs")).isVisible();
            visit.check("plan-offered-after-decision");
        }
    }

    @Test
    void aDryNeedlingPlanIsBookedSessionsReachTheReviewAndTheCourseSwitchesToShockwave() {
        Texts da = Texts.of("da");
        arrange.practitioner("Nina Nålesen", EVERY_DAY, "dry_needling", "radial_shockwave");
        arrange.appointmentType("dn_story", "Dry needling 30", 30, "dry_needling", null);
        UUID patient = arrange.patient("Henrik", "Nålehansen");
        UUID episode = arrange.episode(patient);

        try (Visit visit = Visit.to(clinic.web(), "plan-sessions-review", "da-DK").signedInAs("paula")) {
            visit.go("/episodes/" + episode);
            assertThat(visit.heading(da.get("dashboard.conditions.plantar_heel_pain") + " ("
                    + da.get("practice.side.right") + ")")).isVisible();
            // the catalogue's defaults: dry needling, 4 sessions a week apart, reviewed after 4; here after 3
            assertThat(visit.field(da.get("practice.plan.sessions"))).hasValue("4");
            assertThat(visit.field(da.get("practice.plan.intervalDays"))).hasValue("7");
            visit.field(da.get("practice.plan.reviewAfter")).fill("3");
            visit.field(da.get("practice.plan.goals")).fill("Gå 30 minutter uden hælsmerter");
            visit.choose(da.get("practice.plan.practitioner"), "Nina Nålesen");
            visit.page.getByLabel(da.get("practice.plan.autoBook")).check();
            visit.check("plan-form");
            visit.button(da.get("practice.plan.save")).click();

            // booking-service books the four sessions by itself; they appear with the patient's appointments
            Locator appointments = visit.page.getByTestId("appointments").locator("tbody tr");
            visit.reloadUntilVisible(appointments.nth(3));
            assertThat(appointments).hasCount(4);
            assertThat(visit.page.getByTestId("courses").locator("tbody tr").first().locator("td").nth(1))
                    .hasText("4");
            visit.check("plan-booked");

            for (int pain = 6; pain >= 4; pain--) {
                visit.field(da.get("practice.parameter.muscles") + " (" + da.get("practice.session.commaSeparated")
                        + ")").fill("gastrocnemius, soleus");
                visit.field(da.get("practice.parameter.points")).fill("6");
                visit.field(da.get("practice.parameter.twitchResponses")).fill("2");
                visit.page.getByLabel(da.get("practice.adverse.soreness")).check();
                visit.field(da.get("practice.session.firstStepPain")).fill(String.valueOf(pain));
                visit.button(da.get("practice.session.save")).click();
                assertThat(visit.page.getByTestId("sessions").locator("tbody tr")).hasCount(7 - pain);
            }
            String reviewTitle = da.get("practice.review.title",
                    Map.of("modality", "Dry needling", "count", 3));
            Locator review = visit.page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName(reviewTitle));
            assertThat(review).isVisible();
            assertThat(visit.page.getByTestId("sessions")).containsText(da.get("practice.adverse.soreness"));
            visit.check("review-due");

            review.getByLabel(da.get("dashboard.review.decisions.switch")).check();
            visit.choose(da.get("practice.review.newModality"), da.get("modality.radial_shockwave"));
            review.getByLabel(da.get("practice.review.reason")).fill("Kun lidt bedre efter tre behandlinger");
            visit.button(da.get("practice.review.decide")).click();

            Locator courses = visit.page.getByTestId("courses").locator("tbody tr");
            assertThat(courses).hasCount(2);
            assertThat(courses.nth(1).locator("th")).containsText(da.get("modality.radial_shockwave"));
            assertThat(courses.nth(0)).containsText(da.get("practice.course.switched"));
            assertThat(visit.page.getByTestId("reviews")).containsText(da.get("dashboard.review.decisions.switch")
                    + " → " + da.get("modality.radial_shockwave"));
            // pain at the three sessions is on the outcome chart, with its table
            assertThat(visit.page.getByTestId("outcome-chart")).isVisible();
            visit.check("switched-to-shockwave");

            // the goals change, with the reason the plan's versions keep
            visit.page.locator("summary", new Page.LocatorOptions().setHasText(da.get("practice.change.goals"))).click();
            Locator goals = visit.page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions()
                    .setName(da.get("practice.change.goals")));
            goals.getByLabel(da.get("practice.plan.goals")).fill("Gå 30 minutter uden hælsmerter\nLøbe 5 km");
            goals.getByLabel(da.get("practice.review.reason")).fill("Patienten vil tilbage til løb");
            visit.check("changing-the-goals");
            visit.button(da.get("practice.change.saveGoals")).click();
            assertThat(visit.page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions()
                    .setName(da.get("practice.plan.goals")))).containsText("Løbe 5 km");
            assertThat(visit.page.getByTestId("versions")).containsText("Patienten vil tilbage til løb");
        }
    }

    @Test
    void myDayShowsTheAppointmentsWithTheirEpisodesAndTheSessionWaitingForItsRecord() {
        Texts nb = Texts.of("nb");
        UUID practitioner = arrange.practitioner("Maja Mindag", EVERY_DAY, "dry_needling");
        arrange.appointmentType("dn_my_day", "Dry needling 30", 30, "dry_needling", null);
        UUID patient = arrange.patient("Oda", "Dagsen");
        UUID episode = arrange.episode(patient);
        arrange.treatment(Tokens.practitioner()).body("""
                {"episodeId":"%s","goals":["Walk without pain"],
                 "courses":[{"modality":"dry_needling","autoBook":true,"practitionerPreference":"%s"}]}"""
                .formatted(episode, practitioner)).post("/api/plans").then().statusCode(201);
        // booking books the course; the first session (the next day, from midnight) is delivered at the desk
        Map<String, Object> first = await().atMost(Arrange.EVENTUAL).until(() -> arrange.appointmentsOf(patient),
                list -> list.size() == 4).getFirst();
        for (String step : List.of("arrive", "fulfil")) {
            arrange.booking(Tokens.receptionist()).header("If-Match", Arrange.etag(arrange.booking(Tokens.receptionist())
                    .get("/api/appointments/{id}", first.get("id")))).post("/api/appointments/{id}/" + step, first.get("id"))
                    .then().statusCode(200);
        }
        String day = Arrange.local(first.get("localStart")).toLocalDate().toString();

        try (Visit visit = Visit.to(clinic.web(), "my-day", "nb-NO").signedInAs("paula")) {
            // the practitioner's start page; whose day it is, is chosen once
            assertThat(visit.heading(nb.get("practice.myDay.title"))).isVisible();
            visit.choose(nb.get("practice.myDay.whose"), "Maja Mindag");
            visit.field(nb.get("practice.myDay.date")).fill(day);
            visit.button(nb.get("dashboard.apply")).click();
            Locator row = visit.page.getByTestId("my-day").locator("tbody tr").first();
            assertThat(row).containsText("Oda Dagsen");
            assertThat(row).containsText(nb.get("status.appointment.fulfilled"));
            assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(
                    nb.get("dashboard.conditions.plantar_heel_pain") + " (" + nb.get("practice.side.right") + ")")))
                    .isVisible();
            // treatment-service learns of the delivered session from booking's event
            Locator awaiting = visit.page.getByTestId("awaiting").getByRole(AriaRole.LINK);
            visit.reloadUntilVisible(awaiting.first());
            visit.check("my-day");

            awaiting.first().click();
            visit.button(nb.get("practice.session.writeRecord")).click();
            visit.field(nb.get("practice.session.firstStepPain")).fill("5");
            visit.field(nb.get("practice.session.notes")).fill("Tålte nålingen godt");
            visit.check("writing-the-record");
            visit.button(nb.get("practice.session.save")).click();
            assertThat(visit.page.getByTestId("sessions").locator("tbody tr").first())
                    .containsText(nb.get("practice.session.status.recorded"));
            // the record is the session booking delivered, not a new one
            assertThat(visit.page.getByTestId("sessions").locator("tbody tr")).hasCount(1);
        }
    }

    @Test
    void anFfiFilledOnScreenShowsTheScoreTheServiceStores() {
        Texts en = Texts.of("en");
        UUID patient = arrange.patient("Frida", "Fodindeksen");
        UUID episode = arrange.episode(patient);
        List<Integer> pain = List.of(7, 6, 8, 5, 6, 7, 4, 5, 6);
        List<Integer> disability = List.of(3, 4, 2, 5, 3, 4, 2, 3, 4);
        // the fifth activity item is left unanswered: it leaves the denominator
        List<Integer> activity = Arrays.asList(2, 3, 1, 2, null);

        try (Visit visit = Visit.to(clinic.web(), "ffi", "en-GB").signedInAs("paula")) {
            visit.go("/episodes/" + episode);
            visit.choose(en.get("practice.questionnaire.instrument"), en.get("practice.instrument.ffi"));
            Locator live = visit.page.getByTestId("live-score");
            answer(visit, en, "pain", pain);
            // the pain subscale is scored as soon as it has answers; the total waits for every subscale
            assertThat(live).containsText(en.get("practice.questionnaire.subscale.pain") + score(pain, 9));
            assertThat(live).containsText(en.get("practice.questionnaire.subscale.total")
                    + en.get("practice.questionnaire.ffiTotalRule"));
            answer(visit, en, "disability", disability);
            answer(visit, en, "activityLimitation", activity);
            List<Integer> all = new ArrayList<>(pain);
            all.addAll(disability);
            all.addAll(activity);
            String total = score(all, 22);
            assertThat(live).containsText(en.get("practice.questionnaire.subscale.total") + total);
            visit.check("ffi-scored-live");

            visit.button(en.get("practice.questionnaire.save")).click();
            assertThat(visit.page.getByTestId("saved-score")).containsText(en.get("practice.scale.ffi_total") + " "
                    + total.substring(0, total.indexOf(' ')));
            // what treatment-service stored for the same answers
            BigDecimal stored = new BigDecimal(arrange.treatment(Tokens.practitioner()).queryParam("episode", episode)
                    .get("/api/outcomes").then().statusCode(200).extract().jsonPath()
                    .getString("find { it.instrument == 'ffi' }.scores.find { it.scale == 'ffi_total' }.value"));
            Matcher shown = Pattern.compile("^(\\d+\\.\\d)").matcher(total);
            assertThat(shown.find()).isTrue();
            assertThat(stored).isEqualByComparingTo(shown.group(1));
            assertThat(visit.page.getByTestId("measurements")).containsText(en.get("practice.scale.ffi_total"));
            visit.check("ffi-saved");

            // the FAAM scores daily living only from 19 of its 21 items (90 %): the page says so as it is filled,
            // and the service refuses fewer, naming the subscale
            visit.choose(en.get("practice.questionnaire.instrument"), en.get("practice.instrument.faam"));
            List<Integer> adl = List.of(3, 4, 2, 3, 3, 4, 2, 3, 4, 3, 2, 3, 4, 3, 3, 2, 4, 3, 3);
            answer(visit, en, "adl", adl.subList(0, 18));
            assertThat(live).containsText(en.get("practice.questionnaire.subscale.adl")
                    + en.get("practice.questionnaire.notScored", Map.of("answered", 18, "items", 21, "needed", 19)));
            visit.button(en.get("practice.questionnaire.save")).click();
            Locator refused = visit.page.getByRole(AriaRole.ALERT);
            assertThat(refused).containsText(en.get("field.adl"));
            assertThat(refused).containsText(en.get("reason.faamIncomplete").replace("{{a}}", "18").replace("{{b}}", "21"));
            visit.check("faam-incomplete-refused");
            answer(visit, en, "adl", adl);
            int sum = adl.stream().mapToInt(Integer::intValue).sum();
            String faam = BigDecimal.valueOf(100L * sum).divide(BigDecimal.valueOf(19 * 4L), 1, RoundingMode.HALF_UP)
                    .toPlainString();
            assertThat(live).containsText(en.get("practice.questionnaire.subscale.adl") + faam + " (19 of 21");
            visit.button(en.get("practice.questionnaire.save")).click();
            assertThat(visit.page.getByTestId("saved-score")).containsText(en.get("practice.scale.faam_adl") + " " + faam);
        }
    }

    @Test
    void aReceptionistOpeningAPractitionersPageIsToldTheRoleMayNot() {
        Texts nb = Texts.of("nb");
        UUID patient = arrange.patient("Rolf", "Resepsjonsen");
        UUID episode = arrange.episode(patient);
        try (Visit visit = Visit.to(clinic.web(), "receptionist-refused", "nb-NO").signedInAs("rita")) {
            visit.go("/episodes/" + episode);
            Locator refused = visit.page.getByTestId("refused");
            assertThat(refused).containsText(nb.get("app.forbiddenPage"));
            // no patient data reached the page, and there is a way on
            assertThat(visit.page.getByText(nb.get("practice.plan.title"))).hasCount(0);
            visit.check("refused");
            refused.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(nb.get("practice.refused"))).click();
            assertThat(visit.heading(nb.get("calendar.title"))).isVisible();
        }
    }

    /** Chooses each answer of a subscale's items; null leaves the item unanswered. */
    private static void answer(Visit visit, Texts texts, String subscale, List<Integer> answers) {
        String name = texts.get("practice.questionnaire.subscale." + subscale);
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) != null) {
                visit.choose(texts.get("practice.questionnaire.item", Map.of("subscale", name, "number", i + 1)),
                        String.valueOf(answers.get(i)));
            }
        }
    }

    /** The FFI's published rule worked out here: sum / (answered x 10) x 100, half up to one decimal, as shown. */
    private static String score(List<Integer> answers, int answered) {
        int sum = answers.stream().filter(a -> a != null).mapToInt(Integer::intValue).sum();
        BigDecimal value = BigDecimal.valueOf(100L * sum).divide(BigDecimal.valueOf(answered * 10L), 1,
                RoundingMode.HALF_UP);
        return value.toPlainString() + " (" + answered + " of " + answers.size() + " items answered)";
    }

    /** treatment-service knows the patient once booking's event has arrived. */
    private void known(UUID patient) {
        await().atMost(Arrange.EVENTUAL).until(() -> arrange.treatment(Tokens.practitioner())
                .get("/api/patients/{id}", patient).statusCode() == 200);
    }
}
