package dk.clinic.treatment.episode;

import dk.clinic.testing.AdjustableClock;
import dk.clinic.testing.Tokens;
import dk.clinic.treatment.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** treatment-service reads "now" from the one clock, as booking-service does: moved, everything moves with it. */
@QuarkusTest
class ClinicClockTest {

    @AfterEach
    void backToTheRealTime() {
        AdjustableClock.reset();
    }

    @Test
    void anEpisodeOpensOnTheClinicsClockAndItsMeasuresFallDueFromThatDay() {
        Instant tenDaysOn = AdjustableClock.now().plus(Duration.ofDays(10));
        AdjustableClock.setNow(tenDaysOn);
        UUID episode = Fixtures.episode("Tilde");

        Instant opened = Instant.parse(given().header("Authorization", Tokens.practitioner())
                .get("/api/episodes/{id}", episode).then().statusCode(200).extract().path("openedAt"));
        assertThat(opened).isBetween(tenDaysOn, tenDaysOn.plus(Duration.ofMinutes(1)));
        LocalDate day = opened.atOffset(ZoneOffset.UTC).toLocalDate();
        given().header("Authorization", Tokens.practitioner()).queryParam("episode", episode)
                .get("/api/outcomes/schedule").then().statusCode(200)
                .body("find { it.timepoint == 'baseline' }.dueOn", equalTo(day.toString()))
                .body("find { it.timepoint == 'week_2' }.dueOn", equalTo(day.plusWeeks(2).toString()));
    }
}
