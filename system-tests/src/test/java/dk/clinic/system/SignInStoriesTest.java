package dk.clinic.system;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dk.clinic.testing.ChildProcesses;
import dk.clinic.testing.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dk.clinic.system.Arrange.EVERY_DAY;
import static dk.clinic.system.Arrange.local;

/**
 * Signing in and out: through Keycloak's own login page (a real Keycloak, started here), and on the web app's page
 * with the local issuer's users; the language a user reads it all in; and what each role is shown.
 */
@ExtendWith(RunningClinic.Started.class)
class SignInStoriesTest {

    private final RunningClinic clinic = RunningClinic.get();
    private final Arrange arrange = new Arrange(clinic);

    @Test
    void theReceptionistSignsInOnKeycloaksOwnPageSeesTheDayAndSignsOut() throws Exception {
        Texts en = Texts.of("en");
        UUID practitioner = arrange.practitioner("Kari Kalender", EVERY_DAY, "laser");
        UUID type = arrange.appointmentType("laser_kc", "Laser 15", 15, "laser", null);
        UUID patient = arrange.patient("Kirsten", "Keycloak");
        String start = arrange.firstFreeTime(type, practitioner, Instant.now().plus(Duration.ofMinutes(5)));
        arrange.book(patient, type, practitioner, start);

        int webPort = ChildProcesses.freePort();
        String web = "http://127.0.0.1:" + webPort;
        try (LocalKeycloak keycloak = LocalKeycloak.start(web);
             // a second booking-service, on the same database, that trusts Keycloak's tokens and no others
             ServiceProcess booking = RunningClinic.another("booking-service", "keycloak", Map.of(
                     "CLINIC_LOCAL_ISSUER", "false",
                     "CLINIC_JWT_ISSUER", keycloak.realm(),
                     "CLINIC_JWT_PUBLIC_KEY_LOCATION", keycloak.certificates(),
                     "SMALLRYE_JWT_PATH_GROUPS", "realm_access/roles"), 0);
             ServiceProcess webApp = RunningClinic.another("clinic-web", "keycloak", Map.of(
                     "CLINIC_BOOKING_URL", booking.url(),
                     "CLINIC_TREATMENT_URL", clinic.treatment(),
                     "CLINIC_WEB_SESSION_SECRET", "system-tests-keycloak-session-secret-long-enough",
                     "CLINIC_WEB_SIGN_IN", "keycloak",
                     "CLINIC_WEB_OIDC", "true",
                     "CLINIC_OIDC_URL", keycloak.realm()), webPort);
             Visit visit = Visit.to(webApp.url(), "sign-in-keycloak", "en-GB")) {
            visit.go("/calendar");
            assertThat(visit.page).hasURL(web + "/sign-in");
            visit.check("sign-in");
            visit.link(en.get("signIn.withKeycloak")).click();

            // Keycloak's own page, on Keycloak's address: the web app never sees the password
            assertThat(visit.page).hasURL(Pattern.compile(
                    "^" + keycloak.realm().replace(".", "\\.") + "/protocol/openid-connect/auth\\?"));
            visit.page.locator("#username").fill("rita");
            visit.page.locator("#password").fill("rita");
            visit.screenshot("keycloak-login");
            visit.page.locator("#kc-login").click();

            // back on the web app's home, which sends a receptionist on to the calendar
            assertThat(visit.page).hasURL(web + "/calendar");
            assertThat(visit.page.locator("header.top .user")).hasText("rita");
            Locator navigation = visit.page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions()
                    .setName(en.get("nav.label")));
            assertThat(navigation.getByRole(AriaRole.LINK)).hasText(new String[]{en.get("nav.calendar"),
                    en.get("nav.book"), en.get("nav.requests"), en.get("nav.waitlist")});
            // booking-service answers the page with Keycloak's token: the day's appointment is there
            visit.go("/calendar?date=" + local(start).toLocalDate());
            assertThat(visit.page.locator(".ec-event[aria-label*=\"Kirsten Keycloak\"]")).isVisible();
            visit.check("calendar");

            visit.button(en.get("action.signOut")).click();
            // back from Keycloak's sign-out, which adds its state to the address
            assertThat(visit.page).hasURL(Pattern.compile("^" + web.replace(".", "\\.") + "/sign-in(\\?.*)?$"));
            assertThat(visit.link(en.get("signIn.withKeycloak"))).isVisible();
            // signed out at Keycloak too: signing in again asks for the password
            visit.link(en.get("signIn.withKeycloak")).click();
            assertThat(visit.page.locator("#password")).isVisible();
            visit.screenshot("signed-out");
        }
    }

    @Test
    void theLocalIssuersUsersSignInOnTheWebAppsPageInTheBrowsersLanguageAndSwitchIt() {
        Texts nb = Texts.of("nb");
        Texts en = Texts.of("en");
        Texts da = Texts.of("da");
        // Nynorsk in the browser: the app speaks Bokmål
        try (Visit visit = Visit.to(clinic.web(), "sign-in-local", "nn-NO")) {
            visit.go("/");
            assertThat(visit.page).hasURL(clinic.web() + "/sign-in");
            assertThat(visit.page.locator("html")).hasAttribute("lang", "nb");
            assertThat(visit.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName(nb.get("signIn.title")))).isVisible();
            visit.field(nb.get("signIn.username")).fill("rita");
            visit.field(nb.get("signIn.password")).fill("not her password");
            visit.button(nb.get("signIn.submit")).click();
            assertThat(visit.page.getByRole(AriaRole.ALERT)).containsText(nb.get("problem.bad-credentials"));
            visit.check("wrong-password");

            visit.field(nb.get("signIn.password")).fill("rita");
            visit.button(nb.get("signIn.submit")).click();
            assertThat(visit.page.locator("header.top .user")).hasText("rita");
            visit.go("/calendar?date=2026-12-24");
            assertThat(visit.heading(nb.get("calendar.title"))).isVisible();
            visit.button(nb.get("calendar.asList")).click();
            assertThat(visit.page.getByTestId("appointment-list").locator("caption")).containsText("24. des");
            visit.check("calendar-nb");

            // to English and to Danish, on the same page: texts, and dates written as each language writes them
            visit.choose(nb.get("app.language"), nb.get("language.en"));
            assertThat(visit.heading(en.get("calendar.title"))).isVisible();
            assertThat(visit.page.locator("html")).hasAttribute("lang", "en");
            assertThat(visit.page.getByTestId("appointment-list").locator("caption")).containsText("24 Dec");
            visit.check("calendar-en");
            visit.choose(en.get("app.language"), en.get("language.da"));
            assertThat(visit.heading(da.get("calendar.title"))).isVisible();
            assertThat(visit.page.getByTestId("appointment-list").locator("caption")).containsText("24. dec");
            assertThat(visit.link(da.get("nav.waitlist"))).isVisible();
            // the choice stays with the browser
            visit.page.reload();
            assertThat(visit.heading(da.get("calendar.title"))).isVisible();
            visit.check("calendar-da");

            visit.button(da.get("action.signOut")).click();
            assertThat(visit.page).hasURL(clinic.web() + "/sign-in");
            assertThat(visit.button(da.get("signIn.submit"))).isVisible();
            visit.go("/book");
            assertThat(visit.page).hasURL(clinic.web() + "/sign-in");
        }
    }

    @Test
    void aPractitionerIsOfferedOnlyWhatTheRoleMayDoAndARefusalIsExplained() {
        Texts en = Texts.of("en");
        try (Visit visit = Visit.to(clinic.web(), "practitioner-role", "en-GB").signedInAs("paula")) {
            Locator navigation = visit.page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions()
                    .setName(en.get("nav.label")));
            assertThat(navigation.getByRole(AriaRole.LINK)).hasText(new String[]{en.get("nav.myDay"),
                    en.get("nav.calendar"), en.get("nav.patients")});
            visit.go("/calendar");
            assertThat(visit.heading(en.get("calendar.title"))).isVisible();
            assertThat(visit.page.getByRole(AriaRole.ALERT)).hasCount(0);
            visit.check("calendar");
            visit.go("/setup");
            assertThat(visit.page.getByRole(AriaRole.ALERT)).containsText(en.get("app.forbiddenPage"));
            visit.check("set-up-refused");
        }
    }
}
