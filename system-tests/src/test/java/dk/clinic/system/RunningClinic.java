package dk.clinic.system;

import dk.clinic.testing.IssuerKeys;
import dk.clinic.testing.ServiceProcess;
import dk.clinic.testing.TestInfrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole product as {@code ./clinic up} runs it: booking-service and treatment-service from their built
 * {@code quarkus-app}, each in its own JVM and logging in with its own database role, sharing one database (each in
 * its own schema) and one real Kafka broker, and clinic-web in front of them, signing users in with the services'
 * local issuer. A test class gets it with
 * {@code @ExtendWith(RunningClinic.Started.class)} and {@link #get()}. It starts once for the whole test run and stops
 * when the run ends, before the broker does. The services' logs stay in {@code system-tests/target/clinic/}.
 */
final class RunningClinic implements AutoCloseable {

    private static RunningClinic instance;

    private final ServiceProcess booking;
    private final ServiceProcess treatment;
    private final ServiceProcess web;

    private RunningClinic(ServiceProcess booking, ServiceProcess treatment, ServiceProcess web) {
        this.booking = booking;
        this.treatment = treatment;
        this.web = web;
    }

    /** Starts the clinic before the first test class that needs it; JUnit closes it at the end of the run. */
    static final class Started implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(RunningClinic.class, key -> get(), RunningClinic.class);
        }
    }

    static synchronized RunningClinic get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** booking-service's base URL, e.g. {@code http://127.0.0.1:41234}. */
    String booking() {
        return booking.url();
    }

    String treatment() {
        return treatment.url();
    }

    /** The web app's base URL. */
    String web() {
        return web.url();
    }

    private static RunningClinic start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Path root = root();
        Path work = root.resolve("system-tests/target/clinic");
        String jdbcUrl = infrastructure.database().jdbcUrl();
        String bootstrapServers = infrastructure.broker().bootstrapServers();
        try {
            Files.createDirectories(work);
            // the tests' tokens (Tokens) are signed with the test issuer's key; both services verify with it
            IssuerKeys keys = IssuerKeys.testIssuer(work.resolve("issuer"));
            CompletableFuture<ServiceProcess> booking = CompletableFuture.supplyAsync(() ->
                    startService(root, "booking-service", work, jdbcUrl, bootstrapServers, keys));
            CompletableFuture<ServiceProcess> treatment = CompletableFuture.supplyAsync(() ->
                    startService(root, "treatment-service", work, jdbcUrl, bootstrapServers, keys));
            CompletableFuture.allOf(booking, treatment).exceptionally(failed -> null).join();
            if (booking.isCompletedExceptionally() || treatment.isCompletedExceptionally()) {
                // the one that came up must not outlive the run
                booking.thenAccept(ServiceProcess::close);
                treatment.thenAccept(ServiceProcess::close);
            }
            ServiceProcess web;
            try {
                web = webApp(root, work, jdbcUrl, bootstrapServers, keys, booking.join().url(), treatment.join().url());
            } catch (RuntimeException e) {
                booking.join().close();
                treatment.join().close();
                throw e;
            }
            RunningClinic clinic = new RunningClinic(booking.join(), treatment.join(), web);
            // JUnit closes the clinic at the end of the run; this hook is for a run that is killed before that
            Runtime.getRuntime().addShutdownHook(new Thread(clinic::close, "running-clinic-stop"));
            return clinic;
        } catch (CompletionException e) {
            throw new IllegalStateException("The clinic did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (IOException e) {
            throw new IllegalStateException("The clinic did not start: " + e.getMessage(), e);
        }
    }

    private static ServiceProcess startService(Path root, String name, Path work, String jdbcUrl,
                                               String bootstrapServers, IssuerKeys keys) {
        return startService(root, name, work, jdbcUrl, bootstrapServers, keys, Map.of());
    }

    static ServiceProcess startService(Path root, String name, Path work, String jdbcUrl, String bootstrapServers,
                                       IssuerKeys keys, Map<String, String> environment) {
        Path application = root.resolve(name + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(application)) {
            throw new IllegalStateException(application + " is missing: run the system tests through ./clinic test "
                    + "(or mvn verify from the repository root), which packages the services first");
        }
        try {
            return ServiceProcess.start(root, name, work.resolve(name), jdbcUrl, bootstrapServers, keys, environment);
        } catch (IOException e) {
            throw new IllegalStateException(name + " did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " did not start: interrupted", e);
        }
    }

    /**
     * One more instance of a service on the same database and broker, configured by {@code environment} (e.g. to
     * trust Keycloak's tokens), on {@code port} (0: any free one), logging under {@code target/clinic/<instance>/}.
     * As a second instance it shares the first one's work: the outbox, the follow-ups and the consumer group. The
     * caller stops it.
     */
    static ServiceProcess another(String name, String instance, Map<String, String> environment, int port) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Path work = root().resolve("system-tests/target/clinic");
        try {
            return ServiceProcess.start(root(), name, work.resolve(instance).resolve(name),
                    infrastructure.database().jdbcUrl(), infrastructure.broker().bootstrapServers(),
                    IssuerKeys.testIssuer(work.resolve("issuer")), environment, port, 0);
        } catch (IOException e) {
            throw new IllegalStateException(name + " did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " did not start: interrupted", e);
        }
    }

    /** clinic-web, as ./clinic up starts it, in front of these two services. */
    static ServiceProcess webApp(Path root, Path work, String jdbcUrl, String bootstrapServers, IssuerKeys keys,
                                 String bookingUrl, String treatmentUrl) {
        return startService(root, "clinic-web", work, jdbcUrl, bootstrapServers, keys, Map.of(
                "CLINIC_BOOKING_URL", bookingUrl,
                "CLINIC_TREATMENT_URL", treatmentUrl,
                "CLINIC_WEB_SESSION_SECRET", "system-tests-session-secret-of-enough-length"));
    }

    @Override
    public void close() {
        web.close();
        booking.close();
        treatment.close();
    }

    static Path root() {
        String configured = System.getProperty("clinic.root");
        Path root = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }
}
