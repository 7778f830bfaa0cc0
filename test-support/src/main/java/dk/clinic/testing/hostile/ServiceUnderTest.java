package dk.clinic.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dk.clinic.testing.SchemaSnapshot;
import dk.clinic.testing.TestInfrastructure;
import dk.clinic.testing.Tokens;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The service a {@code @QuarkusTest} runs, as {@link HostileInputs} needs it: its API and management URLs, a test token
 * for every role, its own schema snapshotted through the admin connection, and what the test knows of its clinic.
 */
public final class ServiceUnderTest implements HostileInputs.Service {

    /** What the test's clinic has for a parameter or field of this name in an operation on this path. */
    @FunctionalInterface
    public interface Known {
        Optional<JsonNode> value(String name, String path);
    }

    private static final Map<String, String> TOKENS = Map.of("receptionist", Tokens.receptionist(),
            "practitioner", Tokens.practitioner(), "analyst", Tokens.analyst(), "admin", Tokens.admin());

    private final String name;
    private final URL api;
    private final URL management;
    private final SchemaSnapshot schema;
    private final Known known;
    private final Consumer<SchemaSnapshot> settle;

    private ServiceUnderTest(String name, URL api, URL management, SchemaSnapshot schema, Known known,
                             Consumer<SchemaSnapshot> settle) {
        this.name = name;
        this.api = api;
        this.management = management;
        this.schema = schema;
        this.known = known;
        this.settle = settle;
    }

    /**
     * @param name   the service, e.g. {@code booking-service}: names the report, {@code target/hostile-input-<name>.txt}
     * @param schema its database schema
     * @param settle waits, given the schema, until what a successful write set in motion has been done
     */
    public static ServiceUnderTest of(String name, String schema, URL api, URL management, Known known,
                                      Consumer<SchemaSnapshot> settle) {
        TestInfrastructure.TestDatabase database = TestInfrastructure.get().database();
        return new ServiceUnderTest(name, api, management,
                new SchemaSnapshot(database.adminJdbcUrl(), database.adminUser(), database.adminPassword(), schema),
                known, settle);
    }

    /** Tries every operation, and keeps the report where a reviewer finds it. */
    public HostileInputs.Report probe() throws IOException, InterruptedException {
        HostileInputs.Report report = HostileInputs.probe(this);
        Path written = Path.of("target/hostile-input-" + name + ".txt");
        Files.writeString(written, report.summary());
        System.out.println(report.summary());
        return report;
    }

    @Override
    public String apiUrl() {
        return api.toString().replaceAll("/$", "");
    }

    @Override
    public String managementUrl() {
        return management.toString().replaceAll("/q/?$", "");
    }

    @Override
    public String authorization(String role) {
        return TOKENS.get(role);
    }

    @Override
    public Optional<JsonNode> known(String parameter, String path) {
        return known.value(parameter, path);
    }

    @Override
    public Map<String, String> snapshot() {
        return schema.take();
    }

    @Override
    public void settle() {
        settle.accept(schema);
    }
}
