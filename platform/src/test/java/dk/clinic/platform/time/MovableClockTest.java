package dk.clinic.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A demo clinic's clock moves and runs on from there; every other clinic's is the system clock and stays it. */
class MovableClockTest {

    @Test
    void aDemoClinicsClockMovesToAnInstantAndRunsOnFromThereInEveryZone() {
        MovableClock clock = new MovableClock(true);
        Instant lastSpring = Instant.parse("2026-03-02T07:00:00Z");
        clock.moveTo(lastSpring);
        assertThat(clock.instant()).isBetween(lastSpring, lastSpring.plus(Duration.ofSeconds(5)));
        Clock copenhagen = clock.withZone(ZoneId.of("Europe/Copenhagen"));
        assertThat(copenhagen.instant()).isBetween(lastSpring, lastSpring.plus(Duration.ofSeconds(5)));
        clock.moveTo(Instant.now());
        assertThat(copenhagen.instant()).isAfter(Instant.now().minusSeconds(5));
    }

    @Test
    void anyOtherClinicsClockIsTheSystemClockAndRefusesToMove() {
        MovableClock clock = new MovableClock(false);
        assertThat(clock.instant()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
        assertThatThrownBy(() -> clock.moveTo(Instant.parse("2026-03-02T07:00:00Z")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(clock.instant()).isAfter(Instant.now().minusSeconds(5));
    }
}
