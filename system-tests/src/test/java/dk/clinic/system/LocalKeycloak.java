package dk.clinic.system;

import dk.clinic.testing.ChildProcesses;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real Keycloak, from its distribution on Maven Central (unpacked by the build into {@code target/keycloak}), in
 * development mode on free loopback ports, with the clinic realm of {@code deploy/keycloak/clinic-realm.json}: its
 * four roles and local users, and the web app's client redirecting to where the test's web app listens. Every start
 * begins from an empty Keycloak database, so the realm is imported afresh.
 */
final class LocalKeycloak implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final String REALM_WEB_ORIGIN = "http://127.0.0.1:8080";

    private final Process process;
    private final int port;
    private final Path log;

    private LocalKeycloak(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Keycloak with the clinic realm, whose web client accepts sign-ins for {@code webOrigin}. */
    static LocalKeycloak start(String webOrigin) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("clinic.keycloak.home", "target/keycloak/keycloak"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + "/bin/kc.sh is missing: the build unpacks Keycloak there "
                    + "(mvn process-test-resources in system-tests; ./clinic test does it)");
        }
        ChildProcesses.deleteRecursively(home.resolve("data"));
        Path imports = Files.createDirectories(home.resolve("data/import"));
        String realm = Files.readString(RunningClinic.root().resolve("deploy/keycloak/clinic-realm.json"));
        Files.writeString(imports.resolve("clinic-realm.json"), realm.replace(REALM_WEB_ORIGIN, webOrigin));

        int port = ChildProcesses.freePort();
        int management = ChildProcesses.freePort();
        Path log = RunningClinic.root().resolve("system-tests/target/clinic/keycloak.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + management, "--hostname=http://127.0.0.1:" + port,
                "--health-enabled=true"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        LocalKeycloak keycloak = new LocalKeycloak(builder.start(), port, log);
        try {
            keycloak.awaitReady(management);
        } catch (IOException | InterruptedException | RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    /** e.g. {@code http://127.0.0.1:41234/realms/clinic} */
    String realm() {
        return "http://127.0.0.1:" + port + "/realms/clinic";
    }

    String certificates() {
        return realm() + "/protocol/openid-connect/certs";
    }

    private void awaitReady(int management) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/health/ready"))
                .timeout(Duration.ofSeconds(3)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited during start-up:\n" + ChildProcesses.tail(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready within " + READY_TIMEOUT + ":\n"
                + ChildProcesses.tail(log));
    }

    /** kc.sh hands SIGTERM on to Keycloak's JVM; whatever is left after that is killed. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        ChildProcesses.stop(process);
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
