package dk.clinic.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A service's OpenAPI document is a contract file, committed next to {@code asyncapi.yaml}
 * ({@code event-contracts/src/main/resources/contracts/openapi/<service>.json}; JSON, because YAML 1.1 readers take
 * an example time such as 10:00:30 for a number). The served document must equal it:
 * a change to the API shows as a change to that file in review, and a refactoring that changes nothing shows no diff.
 * After a deliberate change, {@code -Dclinic.contracts.update=true} writes the served document over the committed one.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OpenApiContract() {
    }

    /** The committed document of {@code service}, as the tools of a client's integrator would read it. */
    public static JsonNode committed(String service) throws IOException {
        try (InputStream in = OpenApiContract.class.getClassLoader()
                .getResourceAsStream("contracts/openapi/" + service + ".json")) {
            if (in == null) {
                throw new IllegalStateException("contracts/openapi/" + service + ".json is not committed yet: run the "
                        + "test with -Dclinic.contracts.update=true to write it");
            }
            return JSON.readTree(in);
        }
    }

    /**
     * Fails, listing the differences, unless the service whose management interface is at {@code management} serves
     * exactly its committed document.
     */
    public static void requireServedIsCommitted(URL management, String service) throws IOException, InterruptedException {
        List<String> differences = drift(management.toString().replaceAll("/q/?$", ""), service);
        if (!differences.isEmpty()) {
            throw new AssertionError("The served OpenAPI document differs from contracts/openapi/" + service + ".json "
                    + "(the served one is in target/; after a deliberate change run with "
                    + "-Dclinic.contracts.update=true):\n  " + String.join("\n  ", differences));
        }
    }

    /**
     * @return the differences between the served and the committed document (JSON paths), empty when they are equal
     */
    public static List<String> drift(String managementUrl, String service) throws IOException, InterruptedException {
        String served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                                managementUrl.replaceAll("/+$", "") + "/q/openapi?format=json"))
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode document = JSON.readTree(served);
        String pretty = JSON.writeValueAsString(document) + "\n";
        if (Boolean.getBoolean("clinic.contracts.update")) {
            Path file = Path.of(System.getProperty("clinic.contracts.dir"), "openapi", service + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, pretty);
            return List.of();
        }
        Path written = Path.of("target", service + "-openapi.served.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, pretty);
        List<String> differences = new ArrayList<>();
        compare("", committed(service), document, differences);
        return differences;
    }

    private static void compare(String at, JsonNode committed, JsonNode served, List<String> differences) {
        if (differences.size() >= 40) {
            return;
        }
        if (committed.isObject() && served.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            committed.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!committed.has(name)) {
                    differences.add("added " + path);
                } else if (!served.has(name)) {
                    differences.add("removed " + path);
                } else {
                    compare(path, committed.get(name), served.get(name), differences);
                }
            }
        } else if (committed.isArray() && served.isArray() && committed.size() == served.size()) {
            for (int i = 0; i < committed.size(); i++) {
                compare(at + "/" + i, committed.get(i), served.get(i), differences);
            }
        } else if (!committed.equals(served)) {
            differences.add("changed " + at + ": " + abbreviated(committed) + " -> " + abbreviated(served));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
