package dk.clinic.bench;

import dk.clinic.contracts.CloudEventRecords;
import dk.clinic.contracts.EventType;
import dk.clinic.testing.IssuerKeys;
import dk.clinic.testing.LocalKafkaBroker;
import dk.clinic.testing.ServiceProcess;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static dk.clinic.bench.Bench.say;
import static dk.clinic.bench.Bench.seconds;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * {@code ./clinic bench events}: how long an event takes from the commit of its outbox row to the consuming service's
 * effect, in both directions, against what the broker alone needs for the same messages.
 *
 * <ol>
 *   <li>drops and creates {@code clinic_bench_events}, starts a Kafka broker, treatment- and booking-service, and
 *       warms them up with {@value #WARM_UP_SECONDS} s of {@value #WARM_UP_RATE} events per second, not measured;</li>
 *   <li>at each rate (50 and 500 events per second, half each way), writes outbox rows one transaction each, as the
 *       services' own transactions do: booking's {@code patient.registered} (treatment-service's patient directory
 *       takes it up) and treatment's {@code scheduling.requested} (booking-service stores the request). The latency
 *       of an event is from the moment its commit returned to the moment the consumer recorded it in its inbox
 *       ({@code processed_event.processed_at}, in the same transaction as the effect);</li>
 *   <li>the broker alone: the same records, at the same rate, from a producer configured as the relay's straight to
 *       a consumer in this process, from just before the send to the record's arrival;</li>
 *   <li>the relay's sustained rate: {@value #BURST} events committed at once in booking's outbox, until the broker
 *       acknowledged the last, against the broker taking the same records from one producer.</li>
 * </ol>
 * Targets (issue 13): p99 under 100 ms at 50 events/s and under 250 ms at 500 events/s.
 */
public final class EventsBenchmark {

    static final int BURST = 20_000;
    private static final int[] RATES = {50, 500};
    private static final int WARM_UP_RATE = 200;
    private static final int WARM_UP_SECONDS = 15;
    private static final String BASELINE_TOPIC = "bench.broker-baseline";
    private static final Duration SETTLE = Duration.ofMinutes(2);

    private final Settings settings;
    private final BenchDatabase database;

    private EventsBenchmark(Settings settings) {
        this.settings = settings;
        this.database = new BenchDatabase(settings);
    }

    public static void main(String[] args) {
        Bench.main(args, Settings::events, settings -> new EventsBenchmark(settings).run());
    }

    private int run() throws Exception {
        Bench.Staged<Figures> staged = Bench.staged(settings, database, "treatment-service", this::measure);
        Bench.publish(staged.work(), text(staged));
        return 0;
    }

    /** One direction: whose outbox the row goes into, and whose inbox records it. */
    private enum Direction {
        BOOKING_TO_TREATMENT("booking", "treatment", "patient-directory", EventType.PATIENT_REGISTERED),
        TREATMENT_TO_BOOKING("treatment", "booking", "scheduling-requests", EventType.SCHEDULING_REQUESTED);

        final String producer;
        final String consumer;
        final String effect;
        final EventType type;

        Direction(String producer, String consumer, String effect, EventType type) {
            this.producer = producer;
            this.consumer = consumer;
            this.effect = effect;
            this.type = type;
        }

        /** An event as the producing service writes it: a new patient, or a request for a new plan's sessions. */
        Event next() {
            UUID patient = UUID.randomUUID();
            Map<String, Object> data = new LinkedHashMap<>();
            if (this == BOOKING_TO_TREATMENT) {
                data.put("patientId", patient);
                data.put("version", 0);
                data.put("givenName", "Bench");
                data.put("familyName", "Events");
                data.put("birthDate", "1970-01-01");
                data.put("preferredLanguage", "da");
                return new Event(UUID.randomUUID(), this, patient.toString(), patient.toString(), Api.json(data));
            }
            UUID request = UUID.randomUUID();
            UUID plan = UUID.randomUUID();
            data.put("requestId", request);
            data.put("planId", plan);
            data.put("courseId", UUID.randomUUID());
            data.put("patientId", patient);
            data.put("modality", "dry_needling");
            data.put("sessions", 4);
            data.put("intervalDays", 7);
            data.put("deviceNeeded", false);
            data.put("autoBook", false);
            data.put("reason", "course_created");
            return new Event(UUID.randomUUID(), this, patient.toString(), request.toString(), Api.json(data));
        }
    }

    private record Event(UUID id, Direction direction, String key, String subject, String data) {
    }

    private Figures measure(ServiceProcess treatment, LocalKafkaBroker broker) throws Exception {
        IssuerKeys keys = new IssuerKeys(settings.workDirectory().resolve("treatment-service/issuer-public.pem"),
                settings.workDirectory().resolve("treatment-service/issuer-private.pem"));
        try (ServiceProcess booking = ServiceProcess.start(settings.root(), "booking-service",
                settings.workDirectory().resolve("booking-service"), database.jdbcUrl(), broker.bootstrapServers(),
                keys)) {
            say("booking-service (pid " + booking.pid() + ") ready on port " + booking.port());
            // a first event each way: topics exist, consumers have their partitions, before anything is timed
            warmUp();
            // then the code paths compiled by the JIT: what is measured is a service that has been running
            say("warming up: %d events per second for %d s, not measured".formatted(WARM_UP_RATE, WARM_UP_SECONDS));
            throughServices(WARM_UP_RATE, WARM_UP_RATE * WARM_UP_SECONDS);

            List<Rate> rates = new ArrayList<>();
            for (int rate : RATES) {
                int events = rate * (int) settings.duration().toSeconds();
                say("%d events per second for %d s, half each way, committed one by one".formatted(rate,
                        (int) settings.duration().toSeconds()));
                Map<Direction, Histogram> services = throughServices(rate, events);
                say("the broker alone, the same records at %d per second".formatted(rate));
                Histogram brokerAlone = brokerAlone(broker.bootstrapServers(), rate, events);
                rates.add(new Rate(rate, events, services, brokerAlone));
            }

            say("the relay's sustained rate: %,d events committed at once in booking's outbox".formatted(BURST));
            Duration relayed = burstThroughRelay();
            say("the broker alone, the same %,d records from one producer".formatted(BURST));
            Duration brokerBurst = burstThroughBroker(broker.bootstrapServers());
            return new Figures(rates, relayed, brokerBurst, Memory.of(booking, new Api(booking)),
                    Memory.of(treatment, new Api(treatment)), wakeUps(booking), wakeUps(treatment));
        }
    }

    private void warmUp() throws Exception {
        Map<UUID, Committed> committed = new ConcurrentHashMap<>();
        List<Event> first = List.of(Direction.BOOKING_TO_TREATMENT.next(), Direction.TREATMENT_TO_BOOKING.next());
        try (Connection connection = database.superuser()) {
            for (Event event : first) {
                commit(connection, event, committed);
            }
        }
        for (Direction direction : Direction.values()) {
            effects(direction, committed, Duration.ofMinutes(1));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Through the services: outbox row committed -> relay -> broker -> consumer's inbox
    // ------------------------------------------------------------------------------------------------------------

    private Map<Direction, Histogram> throughServices(int rate, int events) throws Exception {
        Map<UUID, Committed> committed = new ConcurrentHashMap<>();
        ExecutorService writers = Executors.newFixedThreadPool(Direction.values().length);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Direction direction : Direction.values()) {
                int share = events / Direction.values().length;
                double perSecond = rate / (double) Direction.values().length;
                done.add(writers.submit(() -> {
                    try (Connection connection = database.superuser()) {
                        paced(share, perSecond, i -> commit(connection, direction.next(), committed));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            writers.shutdownNow();
        }
        Map<Direction, Histogram> latencies = new LinkedHashMap<>();
        for (Direction direction : Direction.values()) {
            latencies.put(direction, effects(direction, committed, SETTLE));
        }
        return latencies;
    }

    /** An outbox row as the producing service writes it (platform's {@code Outbox.record}). */
    private static PreparedStatement outboxInsert(Connection connection, Direction direction) throws SQLException {
        return connection.prepareStatement("""
                insert into %s.event_outbox (event_id, topic, message_key, event_type, subject, occurred_at, payload)
                values (?, ?, ?, ?, ?, now(), cast(? as jsonb))""".formatted(direction.producer));
    }

    private static void bind(PreparedStatement insert, Event event) throws SQLException {
        insert.setObject(1, event.id());
        insert.setString(2, event.direction().type.topic().address());
        insert.setString(3, event.key());
        insert.setString(4, event.direction().type.type());
        insert.setString(5, event.subject());
        insert.setString(6, event.data());
    }

    private static void commit(Connection connection, Event event, Map<UUID, Committed> committed) throws SQLException {
        try (PreparedStatement insert = outboxInsert(connection, event.direction())) {
            bind(insert, event);
            insert.executeUpdate(); // autocommit: the row and its notification commit here
        }
        committed.put(event.id(), new Committed(event.direction(), Instant.now()));
    }

    /** When an event's commit returned to the writer. */
    private record Committed(Direction direction, Instant at) {
    }

    /** Waits until the consumer recorded every event of {@code direction}; their latencies from commit to record. */
    private Histogram effects(Direction direction, Map<UUID, Committed> committed, Duration timeout)
            throws SQLException, InterruptedException {
        List<UUID> ids = committed.entrySet().stream().filter(entry -> entry.getValue().direction() == direction)
                .map(Map.Entry::getKey).toList();
        Map<UUID, Instant> recorded = new HashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        try (Connection connection = database.superuser();
             PreparedStatement select = connection.prepareStatement("""
                     select event_id, processed_at from %s.processed_event
                     where consumer = ? and event_id = any(?)""".formatted(direction.consumer))) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            select.setString(1, direction.effect);
            select.setArray(2, array);
            while (true) {
                recorded.clear();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        recorded.put(rows.getObject(1, UUID.class), rows.getObject(2, OffsetDateTime.class).toInstant());
                    }
                }
                if (recorded.size() >= ids.size()) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("%s recorded %d of %d events of %s within %s; see its log".formatted(
                            direction.consumer, recorded.size(), ids.size(), direction.type.type(), timeout));
                }
                Thread.sleep(200);
            }
        }
        Histogram histogram = Latency.histogram();
        recorded.forEach((id, at) -> Latency.record(histogram,
                Math.max(0, Duration.between(committed.get(id).at(), at).toNanos())));
        return histogram;
    }

    // ------------------------------------------------------------------------------------------------------------
    // The broker alone
    // ------------------------------------------------------------------------------------------------------------

    private Histogram brokerAlone(String bootstrapServers, int rate, int events) throws Exception {
        Histogram histogram = Latency.histogram();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers);
             KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            consumer.subscribe(List.of(BASELINE_TOPIC));
            awaitAssignment(consumer, producer);
            Thread sender = Thread.ofPlatform().name("baseline-producer").start(() -> {
                try {
                    paced(events, rate, i -> {
                        Event event = (i % 2 == 0 ? Direction.BOOKING_TO_TREATMENT : Direction.TREATMENT_TO_BOOKING)
                                .next();
                        sentAt.put(event.id().toString(), System.nanoTime());
                        producer.send(record(event, BASELINE_TOPIC));
                    });
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Instant deadline = Instant.now().plus(SETTLE);
            long received = 0;
            while (received < events && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Long sent = sentAt.remove(header(record, "ce_id"));
                    if (sent != null) {
                        Latency.record(histogram, now - sent);
                        received++;
                    }
                }
            }
            sender.join();
            if (received < events) {
                throw new IllegalStateException("the broker delivered " + received + " of " + events + " records");
            }
        }
        return histogram;
    }

    /**
     * Polls until the consumer owns its partitions and a record reaches it, so nothing timed waits for a rebalance. It
     * reads from the latest offset once assigned, so a record is sent again each second until one arrives.
     */
    private static void awaitAssignment(KafkaConsumer<String, byte[]> consumer, KafkaProducer<String, byte[]> producer)
            throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            producer.send(record(Direction.BOOKING_TO_TREATMENT.next(), BASELINE_TOPIC)).get();
            if (!consumer.poll(Duration.ofSeconds(1)).isEmpty()) {
                return;
            }
        }
        throw new IllegalStateException("the baseline consumer received nothing within a minute");
    }

    private static ProducerRecord<String, byte[]> record(Event event, String topic) {
        return CloudEventRecords.toRecord(topic, event.key(), CloudEventRecords.event(event.id(),
                event.direction().type.type(), "/bench", event.subject(), Instant.now(), event.data().getBytes(UTF_8)));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    /** As the relay's producer (OutboxPublisher): acks from all in-sync replicas, idempotent, 5 ms linger. */
    private static KafkaProducer<String, byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-baseline-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Sustained rate
    // ------------------------------------------------------------------------------------------------------------

    private Duration burstThroughRelay() throws Exception {
        try (Connection connection = database.superuser()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = outboxInsert(connection, Direction.BOOKING_TO_TREATMENT)) {
                for (int i = 0; i < BURST; i++) {
                    bind(insert, Direction.BOOKING_TO_TREATMENT.next());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            long started = System.nanoTime();
            connection.setAutoCommit(true);
            Instant deadline = Instant.now().plus(SETTLE);
            try (PreparedStatement pending = connection.prepareStatement(
                    "select count(*) from booking.event_outbox where published_at is null")) {
                while (Instant.now().isBefore(deadline)) {
                    try (ResultSet row = pending.executeQuery()) {
                        row.next();
                        if (row.getLong(1) == 0) {
                            return Duration.ofNanos(System.nanoTime() - started);
                        }
                    }
                    Thread.sleep(20);
                }
            }
        }
        throw new IllegalStateException("the relay did not publish " + BURST + " events within " + SETTLE);
    }

    private static Duration burstThroughBroker(String bootstrapServers) throws Exception {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(BURST);
        for (int i = 0; i < BURST; i++) {
            records.add(record(Direction.BOOKING_TO_TREATMENT.next(), BASELINE_TOPIC));
        }
        try (KafkaProducer<String, byte[]> producer = producer(bootstrapServers)) {
            producer.send(records.getFirst()).get(); // metadata and connection, before the clock starts
            long started = System.nanoTime();
            List<Future<?>> acks = new ArrayList<>(BURST);
            for (ProducerRecord<String, byte[]> record : records) {
                acks.add(producer.send(record));
            }
            for (Future<?> ack : acks) {
                ack.get();
            }
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Step {
        void run(int i) throws Exception;
    }

    /** Runs {@code count} steps at {@code perSecond}, on a fixed schedule: a late step does not delay the next ones. */
    private static void paced(int count, double perSecond, Step step) throws Exception {
        long start = System.nanoTime();
        double intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        for (int i = 0; i < count; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            step.run(i);
        }
    }

    record Rate(int perSecond, int events, Map<Direction, Histogram> services, Histogram brokerAlone) {
    }

    record Figures(List<Rate> rates, Duration burstRelayed, Duration burstBroker, Memory booking, Memory treatment,
                   String bookingWakeUps, String treatmentWakeUps) {
    }

    /** What the service's outbox listener says in its metrics: notifications heard, and whether it listens now. */
    private static String wakeUps(ServiceProcess service) throws Exception {
        String heard = "?";
        String listening = "?";
        for (String line : new Api(service).metrics().split("\n")) {
            if (line.startsWith("clinic_outbox_notifications_total")) {
                heard = "%,.0f".formatted(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            } else if (line.startsWith("clinic_outbox_listening")) {
                listening = line.endsWith(" 1.0") ? "listening" : "NOT listening";
            }
        }
        return heard + " notifications heard, " + listening;
    }

    private String text(Bench.Staged<Figures> staged) {
        Figures figures = staged.figures();
        StringBuilder out = new StringBuilder();
        Duration took = Duration.between(staged.startedAt(), ZonedDateTime.now());
        PageLoads.line(out, "Events benchmark, %s (took %d min %d s)", Bench.date(staged.startedAt()), took.toMinutes(),
                took.toSecondsPart());
        PageLoads.line(out, "Machine: %s", staged.machine());
        PageLoads.line(out, "         booking- and treatment-service, PostgreSQL, Kafka and the load generator share "
                + "these CPUs");
        out.append('\n');
        PageLoads.line(out, "From an outbox row's commit to the consumer's inbox record (ms):");
        PageLoads.line(out, "  %-34s %8s %8s %8s %8s %8s   %s", "", "events", "p50", "p95", "p99", "max", "target p99");
        for (Rate rate : figures.rates()) {
            int target = rate.perSecond() <= 50 ? 100 : 250;
            Histogram both = new Histogram(Latency.histogram());
            rate.services().values().forEach(both::add);
            PageLoads.line(out, "  at %d events/s:", rate.perSecond());
            rate.services().forEach((direction, histogram) -> row(out, "    " + direction.producer + " -> "
                    + direction.consumer, Latency.of(histogram), ""));
            Latency all = Latency.of(both);
            row(out, "    both ways", all, "< %d ms: %s".formatted(target, all.p99() < target ? "met" : "MISSED"));
            Latency broker = Latency.of(rate.brokerAlone());
            row(out, "    the broker alone, same records", broker, "");
            PageLoads.line(out, "    ratio to the broker alone: p50 %.1f, p99 %.1f", all.p50() / broker.p50(),
                    all.p99() / broker.p99());
        }
        out.append('\n');
        double relayRate = BURST / (figures.burstRelayed().toNanos() / 1e9);
        double brokerRate = BURST / (figures.burstBroker().toNanos() / 1e9);
        PageLoads.line(out, "Sustained: %,d events committed at once, published by the relay in %s: %,.0f events/s",
                BURST, seconds(figures.burstRelayed()), relayRate);
        PageLoads.line(out, "           the same records from one producer straight to the broker in %s: %,.0f "
                + "records/s (relay / broker %.2f)", seconds(figures.burstBroker()), brokerRate, relayRate / brokerRate);
        out.append('\n');
        PageLoads.line(out, "Outbox listeners: booking-service %s; treatment-service %s", figures.bookingWakeUps(),
                figures.treatmentWakeUps());
        PageLoads.line(out, "Start-up and memory: booking-service %s", figures.booking().summary());
        PageLoads.line(out, "                     treatment-service %s", figures.treatment().summary());
        return out.toString();
    }

    private static void row(StringBuilder out, String label, Latency latency, String target) {
        PageLoads.line(out, "  %-34s %8d %8.1f %8.1f %8.1f %8.1f   %s", label, latency.count(), latency.p50(),
                latency.p95(), latency.p99(), latency.max(), target);
    }
}
