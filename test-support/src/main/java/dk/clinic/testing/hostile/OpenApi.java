package dk.clinic.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A service's served OpenAPI document, read as its operations with their parameters, body and roles. */
final class OpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;

    private OpenApi(JsonNode document) {
        this.document = document;
    }

    /** Reads the document the service serves now, from its management interface. */
    static OpenApi served(HttpClient http, String managementUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(managementUrl.replaceAll("/+$", "") + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The OpenAPI document is not served: " + response.statusCode());
        }
        return new OpenApi(JSON.readTree(response.body()));
    }

    /** One operation: its path template, method, parameters, body schema and content type, and the roles it admits. */
    record Operation(String path, String method, List<Parameter> parameters, String contentType, JsonNode body,
                     List<String> roles) {

        String name() {
            return method.toUpperCase() + " " + path;
        }

        boolean hasBody() {
            return contentType != null;
        }
    }

    /** A query, path or header parameter. */
    record Parameter(String name, String in, JsonNode schema, boolean required) {
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                            resolve(parameter.path("schema")), parameter.path("required").asBoolean(false)));
                }
                String contentType = null;
                JsonNode body = MissingNode.getInstance();
                Iterator<Map.Entry<String, JsonNode>> content = operation.path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    contentType = first.getKey();
                    body = resolve(first.getValue().path("schema"));
                }
                List<String> roles = new ArrayList<>();
                for (JsonNode requirement : operation.path("security")) {
                    requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(r -> roles.add(r.asText())));
                }
                operations.add(new Operation(path.getKey(), method.getKey(), parameters, contentType, body, roles));
            }
        }
        return operations;
    }

    /** Whether the document has a GET for {@code path} (to read a resource's ETag before changing it). */
    boolean hasGet(String path) {
        return document.path("paths").path(path).has("get");
    }

    /** A schema with its {@code $ref} followed (and an allOf of one reference unwrapped). */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10; depth++) {
            if (current.has("$ref")) {
                String name = current.get("$ref").asText().replaceFirst("^#/components/schemas/", "");
                current = document.path("components").path("schemas").path(name);
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else {
                return current;
            }
        }
        return current;
    }
}
