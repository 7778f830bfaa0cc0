package dk.clinic.web.session;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session cookie keeps the token from the browser and from tampering; the CSRF token is bound to its user. */
class SessionCookiesTest {

    private final SessionCookies cookies = new SessionCookies("a-secret-of-at-least-thirty-two-characters");
    private final UserSession rita = new UserSession("rita", Set.of("receptionist"), "eyJ.token.value",
            Instant.parse("2026-12-01T16:00:00Z"));

    @Test
    void aSealedSessionOpensToWhatWasSealedAndDoesNotShowTheToken() {
        String cookie = cookies.seal(rita);

        assertThat(cookie).doesNotContain("eyJ").doesNotContain("rita");
        assertThat(cookies.open(cookie)).contains(rita);
    }

    @Test
    void aChangedCookieOrOneSealedWithAnotherSecretOpensToNothing() {
        String cookie = cookies.seal(rita);
        byte[] bytes = Base64.getUrlDecoder().decode(cookie);
        bytes[bytes.length - 1] ^= 1;

        assertThat(cookies.open(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))).isEmpty();
        assertThat(new SessionCookies("another-secret-of-at-least-thirty-two-chars").open(cookie)).isEmpty();
        assertThat(cookies.open("not a cookie")).isEmpty();
        assertThat(cookies.open("")).isEmpty();
    }

    @Test
    void theCsrfTokenHoldsOnlyWhenTheHeaderRepeatsTheCookieForItsOwnUser() {
        String token = cookies.csrfToken("rita");

        assertThat(cookies.csrfHolds(token, token, "rita")).isTrue();
        assertThat(cookies.csrfHolds(token, null, "rita")).as("no header").isFalse();
        assertThat(cookies.csrfHolds(token, cookies.csrfToken("rita"), "rita")).as("another token").isFalse();
        assertThat(cookies.csrfHolds(token, token, "anders")).as("another user's session").isFalse();
        String forged = token.substring(0, token.indexOf('.')) + ".forged";
        assertThat(cookies.csrfHolds(forged, forged, "rita")).as("made up").isFalse();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new SessionCookies("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
