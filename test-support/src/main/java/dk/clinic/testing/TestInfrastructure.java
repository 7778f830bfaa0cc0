package dk.clinic.testing;

import org.testcontainers.DockerClientFactory;

import java.util.Locale;

/**
 * Chooses where the tests' PostgreSQL and Kafka come from: Testcontainers where a Docker engine answers, otherwise
 * the local PostgreSQL server and a Kafka broker JVM started from Maven jars. {@code CLINIC_TEST_INFRA=local} or
 * {@code =containers} forces one.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final TestDatabase database;
    private final TestBroker broker;

    private TestInfrastructure(TestDatabase database, TestBroker broker) {
        this.database = database;
        this.broker = broker;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = useContainers() ? containers() : local();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown, "test-infrastructure-shutdown"));
        }
        return instance;
    }

    public TestDatabase database() {
        return database;
    }

    public TestBroker broker() {
        return broker;
    }

    /**
     * A database of its own, dropped and created again on the local server, for a test that runs a clinic apart from
     * the shared one (with a broker of its own too). Its superuser is {@link TestDatabase#adminUser()}'s.
     */
    public static String separateDatabase(String name) {
        return LocalDatabase.fresh(name);
    }

    private static boolean useContainers() {
        String choice = System.getenv().getOrDefault("CLINIC_TEST_INFRA", "auto").toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "local" -> false;
            case "containers" -> true;
            default -> dockerAnswers();
        };
    }

    private static boolean dockerAnswers() {
        boolean hinted = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!hinted) {
            return false; // no engine anywhere: skip Testcontainers' probe and its alarming log
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TestInfrastructure local() {
        return new TestInfrastructure(LocalDatabase.prepare(), LocalKafkaBroker.start());
    }

    private static TestInfrastructure containers() {
        return new TestInfrastructure(ContainerInfrastructure.database(), ContainerInfrastructure.broker());
    }

    private void shutdown() {
        broker.shutdown();
        database.shutdown();
    }

    /** Where the tests' database is. */
    public interface TestDatabase {
        String jdbcUrl();

        /** A superuser connection URL with its user and password, for tests that check the schema separation. */
        String adminJdbcUrl();

        String adminUser();

        String adminPassword();

        default void shutdown() {
        }
    }

    /** The tests' broker; tests of broker outages stop and start it. */
    public interface TestBroker {
        String bootstrapServers();

        /** Stops the broker as an outage would; its data and address survive for {@link #resume()}. */
        void halt();

        void resume();

        /** Freezes the broker as a hung machine would: its connections stay open and nothing answers. */
        void freeze();

        void thaw();

        void shutdown();
    }
}
