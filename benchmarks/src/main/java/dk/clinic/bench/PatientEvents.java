package dk.clinic.bench;

import dk.clinic.contracts.CloudEventRecords;
import dk.clinic.contracts.EventType;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Makes patients known to treatment-service the way production does: booking-service's
 * {@code clinic.booking.patient.registered.v1} events (CloudEvents in binary mode, data as
 * {@code contracts/schemas/patient.v1.json}) on {@code booking.patients}, keyed by patient. treatment-service's
 * consumer writes them into {@code patient_reference} through its inbox; nothing is written there by SQL.
 */
final class PatientEvents {

    private static final EventType REGISTERED = EventType.PATIENT_REGISTERED;
    private static final Duration CONSUMED_TIMEOUT = Duration.ofMinutes(3);

    private PatientEvents() {
    }

    /** Publishes {@code count} registrations and waits until treatment-service knows every one of them. */
    static List<UUID> register(String bootstrapServers, BenchDatabase database, int count)
            throws SQLException, InterruptedException, ExecutionException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        List<UUID> patients = new ArrayList<>();
        List<Future<?>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                UUID patient = UUID.randomUUID();
                patients.add(patient);
                CloudEvent registered = CloudEventRecords.event(UUID.randomUUID(), REGISTERED.type(),
                        "/booking-service", patient.toString(), Instant.now(), data(patient, i).getBytes(UTF_8));
                sent.add(producer.send(CloudEventRecords.toRecord(REGISTERED.topic().address(), patient.toString(),
                        registered)));
            }
            for (Future<?> ack : sent) {
                ack.get();
            }
        }
        awaitKnown(database, count);
        return Collections.unmodifiableList(patients);
    }

    private static String data(UUID patient, int number) {
        Random random = new Random(number);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("patientId", patient);
        data.put("version", 0);
        data.put("givenName", ClinicSeed.GIVEN[random.nextInt(ClinicSeed.GIVEN.length)]);
        data.put("familyName", ClinicSeed.FAMILY[random.nextInt(ClinicSeed.FAMILY.length)]);
        data.put("birthDate", LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65)).toString());
        data.put("preferredLanguage", ClinicSeed.LANGUAGES[random.nextInt(ClinicSeed.LANGUAGES.length)]);
        return Api.json(data);
    }

    private static void awaitKnown(BenchDatabase database, int count) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(CONSUMED_TIMEOUT);
        long known = 0;
        try (Connection connection = database.superuser(); Statement statement = connection.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet row = statement.executeQuery("select count(*) from treatment.patient_reference")) {
                    row.next();
                    known = row.getLong(1);
                }
                if (known >= count) {
                    return;
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("treatment-service knew " + known + " of " + count + " patients after "
                + CONSUMED_TIMEOUT + "; see its log for the consumer (and the dead-letter topic)");
    }
}
