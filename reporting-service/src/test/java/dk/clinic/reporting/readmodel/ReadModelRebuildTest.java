package dk.clinic.reporting.readmodel;

import dk.clinic.contracts.EventType;
import dk.clinic.reporting.CareEvents;
import dk.clinic.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dk.clinic.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read model is what its events say, whatever order they are replayed in. */
@QuarkusTest
class ReadModelRebuildTest {

    private static final List<String> TABLES = List.of("episode", "course", "session", "outcome_score",
            "review_decision", "appointment", "episode_scale", "episode_response", "episode_practitioner");

    @Inject
    ReadModelRebuild rebuild;

    @Inject
    EventLog log;

    @Inject
    EntityManager entityManager;

    @Test
    void emptyingTheReadModelAndReplayingItsEventsInEitherOrderGivesBackTheSameTables() {
        CareEvents events = new CareEvents();
        UUID patient = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID needling = UUID.randomUUID();
        UUID shockwave = UUID.randomUUID();
        Instant opened = Instant.parse("2032-03-01T09:00:00Z");
        long before = QuarkusTransaction.requiringNew().call(log::size);
        // newest first: the plan's second version, the closed episode, the recorded session; then their older states
        events.plan(plan, episode, patient, 2, List.of(needling, shockwave), List.of("dry_needling", "radial_shockwave"),
                List.of("switched", "active"));
        events.episode(EventType.EPISODE_CLOSED, episode, patient, "achilles_tendinopathy", true, "treat", opened,
                opened.plus(Duration.ofDays(50)), 2);
        UUID session = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        events.session(EventType.SESSION_RECORDED, session, patient, episode, plan, needling, "dry_needling", 1,
                appointment, opened.plus(Duration.ofDays(7)), 5, 1);
        events.plan(plan, episode, patient, 1, List.of(needling), List.of("dry_needling"), List.of("active"));
        events.episode(EventType.EPISODE_OPENED, episode, patient, "achilles_tendinopathy", true, null, opened, null, 0);
        events.session(EventType.SESSION_DELIVERED, session, patient, episode, plan, needling, "dry_needling", 1,
                appointment, opened.plus(Duration.ofDays(7)), null, 0);
        events.outcome(patient, episode, "vas_first_step_pain", "baseline", LocalDate.parse("2032-03-01"), 71.5);
        events.review(patient, episode, plan, needling, "dry_needling", 4, "switch", opened.plus(Duration.ofDays(28)));
        events.appointment(EventType.APPOINTMENT_CANCELLED, appointment, patient, UUID.randomUUID(), "dry_needling",
                plan, needling, opened.plus(Duration.ofDays(7)), "cancelled", "{\"by\":\"patient\",\"late\":true}", 3);
        events.appointment(EventType.APPOINTMENT_BOOKED, appointment, patient, UUID.randomUUID(), "dry_needling",
                plan, needling, opened.plus(Duration.ofDays(6)), "booked", null, 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(log::size)
                >= before + events.sent().size());

        // the newest state of each, though it came first
        assertThat(row("select status || ' ' || referral_decision || ' ' || version from episode where id = '" + episode + "'"))
                .isEqualTo("closed treat 2");
        assertThat(row("select string_agg(modality || ':' || status, ',' order by position) from course where plan_id = '" + plan + "'"))
                .isEqualTo("dry_needling:switched,radial_shockwave:active");
        assertThat(row("select first_step_pain || ' ' || version from session where id = '" + session + "'"))
                .isEqualTo("5 1");
        assertThat(row("select status || ' ' || late || ' ' || cancelled_by from appointment where id = '" + appointment + "'"))
                .isEqualTo("cancelled true patient");

        String tables = digest();
        ReadModelRebuild.Result arrival = rebuild.rebuild(EventLog.Order.ARRIVAL);
        assertThat(arrival.events()).isGreaterThanOrEqualTo(before + events.sent().size());
        assertThat(digest()).isEqualTo(tables);
        rebuild.rebuild(EventLog.Order.REVERSE);
        assertThat(digest()).isEqualTo(tables);
    }

    @Test
    void anEventThatBreaksItsContractGoesToTheDeadLetterTopicAndTheEventsBehindItAreStillApplied() {
        UUID patient = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        UUID broken = KafkaTestClient.publishBreakingTheContract(EventType.EPISODE_OPENED, patient.toString(),
                episode.toString(), "{\"episodeId\":\"" + episode + "\",\"patientId\":\"" + patient + "\",\"version\":0}");
        new CareEvents().episode(EventType.EPISODE_OPENED, episode, patient, "other", false, null,
                Instant.parse("2032-04-01T09:00:00Z"), null, 1);

        KafkaTestClient.await("reporting-service.dead-letter", r -> broken.toString().equals(header(r, "ce_id")),
                1, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "other".equals(row("select condition from episode where id = '" + episode + "'")));
    }

    private String row(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery(sql).getResultList();
            return rows.isEmpty() || rows.getFirst() == null ? null : rows.getFirst().toString();
        });
    }

    /** A fingerprint of every read-model table's content. */
    private String digest() {
        StringBuilder all = new StringBuilder();
        for (String table : TABLES) {
            all.append(table).append(' ').append(row("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                    + table + " t")).append('\n');
        }
        return all.toString();
    }
}
