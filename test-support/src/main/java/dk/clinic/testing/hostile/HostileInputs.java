package dk.clinic.testing.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dk.clinic.testing.AdjustableClock;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Tries every operation of a service's served OpenAPI document with hostile input, the way an attacker or a careless
 * client would: for every parameter and every body field, typed bad values (the wrong type, null, null inside arrays,
 * control characters, overlong text, huge and negative numbers, 1e400, dates in the year -999999999, unknown ids), and
 * for every operation malformed and oversized bodies, malformed form bodies, overlong URIs and headers. Each request is
 * sent as a role the operation admits, built on a valid request (ids and times from the test's clinic, {@link Service}),
 * so the bad value is the only thing wrong with it.
 *
 * <p>It holds every answer to what a client may rely on: never a 5xx; every 4xx is {@code application/problem+json}
 * with its status; a 400 names the field; no 4xx is the database's last word ({@code not-storable}, a gap in the rules);
 * and nothing was written when the answer was an error (every table of the service's schema, compared before and
 * after). An operation added to a service is tried the next time without editing anything.
 */
public final class HostileInputs {

    /** What the probe needs to know of the service under test. */
    public interface Service {
        String apiUrl();

        String managementUrl();

        /** The Authorization header for a role, or null when the test signs in no such role. */
        String authorization(String role);

        /**
         * A value of the test's clinic for a parameter or field of this name in an operation on {@code path} (e.g. the id
         * of a booked appointment for {@code id} in {@code /api/appointments/{id}}), or empty to let the probe choose.
         */
        Optional<JsonNode> known(String name, String path);

        /** Every table of the service's schema, as a comparable summary (row count and content digest). */
        Map<String, String> snapshot();

        /** Waits until the work a successful write set in motion (follow-ups) has been done. */
        void settle();
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*");
    private static final String PLACEHOLDER = "\"__hostile_value__\"";

    private final Service service;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Report report = new Report();
    private OpenApi openApi;
    private Map<String, String> baseline;

    private HostileInputs(Service service) {
        this.service = service;
    }

    /** Tries every operation; the report lists what did not hold. */
    public static Report probe(Service service) throws IOException, InterruptedException {
        HostileInputs probe = new HostileInputs(service);
        probe.openApi = OpenApi.served(probe.http, service.managementUrl());
        probe.baseline = service.snapshot();
        // what changes a clinic's state for good (a cancellation, a closed episode) goes last, so the other operations
        // meet the clinic as the test set it up
        List<OpenApi.Operation> operations = new ArrayList<>(probe.openApi.operations());
        operations.sort(java.util.Comparator.comparing(HostileInputs::ending));
        for (OpenApi.Operation operation : operations) {
            probe.tryOperation(operation);
        }
        return probe.report;
    }

    private static final Pattern ENDING = Pattern.compile(
            ".*/(close|cancel|discontinue|no-show|decline|accept|fulfil|arrive|referral-decision|reviews)$");

    private static boolean ending(OpenApi.Operation operation) {
        return operation.method().equals("delete") || ENDING.matcher(operation.path()).matches();
    }

    private void tryOperation(OpenApi.Operation operation) throws IOException, InterruptedException {
        String role = operation.roles().stream().filter(r -> service.authorization(r) != null).findFirst().orElse(null);
        if (!operation.roles().isEmpty() && role == null) {
            report.noted(operation.name() + ": the test signs in none of " + operation.roles());
            return;
        }
        String authorization = role == null ? null : service.authorization(role);
        Valid valid = valid(operation);

        for (OpenApi.Parameter parameter : operation.parameters()) {
            switch (parameter.in()) {
                case "query" -> {
                    for (String bad : badQueryValues()) {
                        Map<String, String> query = new LinkedHashMap<>(valid.query());
                        query.put(parameter.name(), bad);
                        send(operation, "query " + parameter.name() + "=" + shown(bad), authorization,
                                valid.path(), query, valid.ifMatch(), valid.body());
                    }
                }
                case "path" -> {
                    for (String bad : badPathValues()) {
                        send(operation, "path " + parameter.name() + "=" + shown(bad), authorization,
                                operation.path().replace("{" + parameter.name() + "}", bad), valid.query(),
                                valid.ifMatch(), valid.body());
                    }
                }
                case "header" -> {
                    for (String bad : new String[]{null, "*", "\"not-a-version\"", "\"99999\"", "W/\"-1\""}) {
                        send(operation, "header " + parameter.name() + "=" + bad, authorization, valid.path(),
                                valid.query(), bad, valid.body());
                    }
                }
                default -> {
                }
            }
        }
        if (operation.hasBody()) {
            if (operation.contentType().startsWith("application/json")) {
                tryJsonBody(operation, authorization, valid);
            } else if (operation.contentType().startsWith("application/x-www-form-urlencoded")) {
                for (String form : badForms()) {
                    send(operation, "form " + shown(form), authorization, valid.path(), valid.query(), valid.ifMatch(),
                            new Body(operation.contentType(), form));
                }
            }
        }
        String longQuery = "padding=" + "a".repeat(10_000);
        send(operation, "a URI of 10 000 characters", authorization, valid.path(), Map.of(), valid.ifMatch(),
                valid.body(), longQuery);
        send(operation, "a URI of 100 000 characters", authorization, valid.path(), Map.of(), valid.ifMatch(),
                valid.body(), "padding=" + "a".repeat(100_000));
        send(operation, "a header of 20 000 characters", authorization, valid.path(), valid.query(), valid.ifMatch(),
                valid.body(), null, Map.of("X-Padding", "a".repeat(20_000)));
        // the valid request last, so that it changes what the bad ones meet as little as possible
        send(operation, "the valid request", authorization, valid.path(), valid.query(), ifMatch(operation, valid.path()),
                valid.body());
    }

    private void tryJsonBody(OpenApi.Operation operation, String authorization, Valid valid)
            throws IOException, InterruptedException {
        String template = valid.body().text();
        JsonNode base = JSON.readTree(template);
        for (FieldPath field : fields(operation.body(), base, new ArrayList<>())) {
            for (String bad : badJson(field.schema())) {
                send(operation, "body " + field + " = " + shown(bad), authorization, valid.path(), valid.query(),
                        valid.ifMatch(), new Body(operation.contentType(), field.replaceIn(base, bad)));
            }
            if (field.required() && field.steps().size() == 1) {
                ObjectNode without = base.deepCopy();
                without.remove((String) field.steps().getFirst());
                send(operation, "body without " + field, authorization, valid.path(), valid.query(), valid.ifMatch(),
                        new Body(operation.contentType(), without.toString()));
            }
        }
        for (String malformed : malformedBodies(template)) {
            send(operation, "body " + shown(malformed), authorization, valid.path(), valid.query(), valid.ifMatch(),
                    new Body(operation.contentType(), malformed));
        }
        send(operation, "a body of 300 000 bytes", authorization, valid.path(), valid.query(), valid.ifMatch(),
                new Body(operation.contentType(), "{\"padding\":\"" + "a".repeat(300_000) + "\"}"));
        send(operation, "a body as text/plain", authorization, valid.path(), valid.query(), valid.ifMatch(),
                new Body("text/plain", template));
    }

    // --- the valid request -------------------------------------------------------------------------------------

    /** A request the service should accept: its path, query, If-Match and body, from the test's clinic. */
    private record Valid(String path, Map<String, String> query, String ifMatch, Body body) {
    }

    private record Body(String contentType, String text) {
    }

    private Valid valid(OpenApi.Operation operation) throws IOException, InterruptedException {
        String path = operation.path();
        Map<String, String> query = new LinkedHashMap<>();
        for (OpenApi.Parameter parameter : operation.parameters()) {
            Optional<JsonNode> known = service.known(parameter.name(), operation.path());
            if (parameter.in().equals("path")) {
                JsonNode value = known.orElseGet(() -> sample(parameter.schema(), parameter.name(), operation.path(), 0));
                path = path.replace("{" + parameter.name() + "}", encode(value.asText()));
            } else if (parameter.in().equals("query") && (known.isPresent() || parameter.required())) {
                query.put(parameter.name(), encode(known.orElseGet(() ->
                        sample(parameter.schema(), parameter.name(), operation.path(), 0)).asText()));
            }
        }
        Body body = null;
        if (operation.hasBody()) {
            body = operation.contentType().startsWith("application/x-www-form-urlencoded")
                    ? new Body(operation.contentType(), "username=nobody&password=wrong")
                    : new Body(operation.contentType(), sample(operation.body(), "body", operation.path(), 0).toString());
        }
        return new Valid(path, query, ifMatch(operation, path), body);
    }

    /** The current ETag of the resource an operation changes, when it takes If-Match. */
    private String ifMatch(OpenApi.Operation operation, String path) throws IOException, InterruptedException {
        if (operation.parameters().stream().noneMatch(p -> p.name().equalsIgnoreCase("If-Match"))) {
            return null;
        }
        String template = operation.path();
        String resource = path;
        while (!template.isEmpty()) {
            if (openApi.hasGet(template)) {
                String readable = template;
                String role = openApi.operations().stream()
                        .filter(o -> o.path().equals(readable) && o.method().equals("get"))
                        .flatMap(o -> o.roles().stream()).filter(r -> service.authorization(r) != null).findFirst()
                        .orElse(null);
                HttpRequest.Builder read = HttpRequest.newBuilder(URI.create(service.apiUrl() + resource))
                        .timeout(Duration.ofSeconds(30)).GET();
                if (role != null) {
                    read.header("Authorization", service.authorization(role));
                }
                HttpResponse<String> answer = http.send(read.build(), HttpResponse.BodyHandlers.ofString());
                return answer.headers().firstValue("ETag").orElse("\"0\"");
            }
            int slash = template.lastIndexOf('/');
            int resourceSlash = resource.lastIndexOf('/');
            if (slash <= 0 || resourceSlash <= 0) {
                break;
            }
            template = template.substring(0, slash);
            resource = resource.substring(0, resourceSlash);
        }
        return "\"0\"";
    }

    /** A valid value of {@code schema}: the test's clinic's when it knows the name, else the example or a made-up one. */
    private JsonNode sample(JsonNode rawSchema, String name, String path, int depth) {
        Optional<JsonNode> known = service.known(name, path);
        if (known.isPresent()) {
            return known.get();
        }
        JsonNode schema = openApi.resolve(rawSchema);
        JsonNode example = schema.path("examples").path(0);
        String type = schema.path("type").asText("object");
        if (type.equals("object") || schema.has("properties")) {
            ObjectNode object = example.isObject() ? (ObjectNode) example.deepCopy() : NODES.objectNode();
            JsonNode properties = schema.path("properties");
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> property = fields.next();
                boolean wanted = object.has(property.getKey()) || required.contains(property.getKey())
                        || service.known(property.getKey(), path).isPresent();
                if (wanted && depth < 6) {
                    JsonNode given = object.get(property.getKey());
                    Optional<JsonNode> knownValue = service.known(property.getKey(), path);
                    object.set(property.getKey(), knownValue.orElseGet(() -> given != null
                            ? withKnown(given, property.getValue(), path, depth + 1)
                            : sample(property.getValue(), property.getKey(), path, depth + 1)));
                }
            }
            return object;
        }
        if (!example.isMissingNode() && !example.isNull()) {
            return example;
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        return switch (type) {
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(sample(schema.path("items"), name, path, depth + 1));
                yield array;
            }
            case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            case "number" -> NODES.numberNode(Math.max(1, schema.path("minimum").asDouble(1)));
            case "boolean" -> NODES.booleanNode(false);
            default -> switch (schema.path("format").asText()) {
                case "uuid" -> TextNode.valueOf(UUID.randomUUID().toString());
                case "date" -> TextNode.valueOf(AdjustableClock.today(ZoneOffset.UTC).plusDays(30).toString());
                case "date-time" -> TextNode.valueOf(LocalDateTime.now(ZoneOffset.UTC).plusDays(30).withNano(0)
                        .toInstant(ZoneOffset.UTC).toString());
                case "local-time" -> TextNode.valueOf("10:00");
                default -> TextNode.valueOf("text");
            };
        };
    }

    /** An example's value with the test's clinic's values put in wherever it names a field the clinic knows. */
    private JsonNode withKnown(JsonNode example, JsonNode rawSchema, String path, int depth) {
        JsonNode schema = openApi.resolve(rawSchema);
        if (depth > 6) {
            return example;
        }
        if (example.isObject() && schema.has("properties")) {
            ObjectNode copy = example.deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> fields = schema.get("properties").fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> property = fields.next();
                Optional<JsonNode> known = service.known(property.getKey(), path);
                if (known.isPresent()) {
                    copy.set(property.getKey(), known.get());
                } else if (copy.has(property.getKey())) {
                    copy.set(property.getKey(), withKnown(copy.get(property.getKey()), property.getValue(), path, depth + 1));
                }
            }
            return copy;
        }
        if (example.isArray() && schema.has("items")) {
            ArrayNode copy = NODES.arrayNode();
            example.forEach(item -> copy.add(withKnown(item, schema.get("items"), path, depth + 1)));
            return copy;
        }
        return example;
    }

    // --- where bad values go ------------------------------------------------------------------------------------

    /** A field of a body: the steps to it (names and indices), its schema and whether it is required. */
    private record FieldPath(List<Object> steps, JsonNode schema, boolean required) {

        /** The body as text with this field's value replaced by (or added as) {@code rawJson}. */
        String replaceIn(JsonNode base, String rawJson) {
            JsonNode copy = base.deepCopy();
            JsonNode parent = copy;
            for (int i = 0; i < steps.size() - 1; i++) {
                parent = steps.get(i) instanceof Integer index ? parent.get(index) : parent.get((String) steps.get(i));
            }
            Object last = steps.getLast();
            if (parent instanceof ObjectNode object) {
                object.set((String) last, TextNode.valueOf("__hostile_value__"));
            } else if (parent instanceof ArrayNode array) {
                array.set((Integer) last, TextNode.valueOf("__hostile_value__"));
            }
            return copy.toString().replace(PLACEHOLDER, rawJson);
        }

        @Override
        public String toString() {
            StringBuilder path = new StringBuilder();
            for (Object step : steps) {
                path.append(step instanceof Integer ? "[" + step + "]" : (path.isEmpty() ? "" : ".") + step);
            }
            return path.toString();
        }
    }

    /** Every field of the schema, the ones the valid body has and the ones it leaves out, down to nested ones. */
    private List<FieldPath> fields(JsonNode rawSchema, JsonNode value, List<Object> at) {
        List<FieldPath> fields = new ArrayList<>();
        JsonNode schema = openApi.resolve(rawSchema);
        if (at.size() > 6) {
            return fields;
        }
        if (schema.has("properties") && (value == null || value.isObject())) {
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.get("properties").fields(); properties.hasNext(); ) {
                Map.Entry<String, JsonNode> property = properties.next();
                List<Object> steps = new ArrayList<>(at);
                steps.add(property.getKey());
                JsonNode propertySchema = openApi.resolve(property.getValue());
                fields.add(new FieldPath(steps, propertySchema, required.contains(property.getKey())));
                JsonNode present = value == null ? null : value.get(property.getKey());
                if (present != null && (present.isObject() || present.isArray())) {
                    fields.addAll(fields(propertySchema, present, steps));
                }
            }
        } else if (schema.path("type").asText().equals("array") && value != null && value.isArray() && !value.isEmpty()) {
            List<Object> steps = new ArrayList<>(at);
            steps.add(0);
            JsonNode items = openApi.resolve(schema.path("items"));
            fields.add(new FieldPath(steps, items, true));
            if (value.get(0).isObject() || value.get(0).isArray()) {
                fields.addAll(fields(items, value.get(0), steps));
            }
        }
        return fields;
    }

    // --- the bad values -----------------------------------------------------------------------------------------

    private List<String> badJson(JsonNode schema) {
        List<String> bad = new ArrayList<>(List.of("null"));
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        if (schema.has("enum")) {
            bad.addAll(List.of(quoted("no-such-constant"), "0"));
        }
        switch (type) {
            case "string" -> {
                bad.addAll(List.of("123", "true", "[]", "{}", quoted(""), "\"\\u0000\"", "\"x\\u0000y\"", "\"\\u0007\"",
                        "\"two\\nlines\"", "\"\\ud800\"", "\"\\uffff\"", quoted("a".repeat(600)),
                        quoted("a".repeat(10_001))));
                String format = schema.path("format").asText();
                String example = schema.path("examples").path(0).asText("");
                if (format.equals("uuid")) {
                    bad.addAll(List.of(quoted("not-a-uuid"), quoted(UUID.randomUUID().toString())));
                } else if (format.equals("date")) {
                    bad.addAll(List.of(quoted("+999999999-12-31"), quoted("-999999999-01-01"), quoted("0000-01-01"),
                            quoted("2026-02-30"), quoted("1899-12-31"), quoted("9999-12-31")));
                } else if (format.equals("date-time")) {
                    bad.addAll(List.of(quoted("+999999999-12-31T09:00:00Z"), quoted("-999999999-01-01T00:00:00Z"),
                            quoted("9999-12-31T23:59:59Z"), quoted("0000-01-01T00:00:00Z")));
                } else if (format.equals("local-time")) {
                    bad.addAll(List.of(quoted("25:00"), quoted("24:00"), quoted("-01:00"), quoted("10:00:00.123456789999")));
                } else if (LOCAL_DATE_TIME.matcher(example).matches()) {
                    bad.addAll(List.of(quoted("+999999999-12-31T09:00"), quoted("-999999999-01-01T00:00"),
                            quoted("9999-12-31T09:00"), quoted("0000-01-01T00:00"), quoted("2026-13-01T09:00"),
                            quoted("2027-03-28T02:30"), quoted("2027-01-01T09:00+18:00")));
                }
            }
            case "integer" -> bad.addAll(List.of(quoted("7"), "1.5", "-1", "0", "2147483648", "-2147483649", "1e400",
                    "99999999999999999999999", "true"));
            case "number" -> bad.addAll(List.of(quoted("1"), "1e400", "-1e400", "1e308", "-1e308", "1e-400",
                    "123456789012345678901234567890.123456789", "true"));
            case "boolean" -> bad.addAll(List.of(quoted("maybe"), "1", quoted("true"), "[]"));
            case "array" -> bad.addAll(List.of("{}", quoted("text"), "[null]", "[]", "[" + "null,".repeat(999) + "null]",
                    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "[\"\\u0000\"]"));
            case "object" -> bad.addAll(List.of("[]", quoted("text"), "{}", "{\"noSuchField\":1}",
                    "{\"\\u0000\":1}", "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":{\"g\":{\"h\":{\"i\":{\"j\":1}}}}}}}}}}",
                    "{\"a\":1e400}"));
            default -> bad.addAll(List.of("[]", "{}", quoted("text"), "\"\\u0000\"", "1e400"));
        }
        return bad;
    }

    private static List<String> badQueryValues() {
        return List.of("", "%00", "a%00b", "%07", "maybe", "-1", "0", "2147483648", "99999999999999999999", "1e400",
                "abc", "%2B999999999-12-31", "-999999999-01-01", "0000-01-01", "2026-02-30", "not-a-uuid",
                UUID.randomUUID().toString(), "a".repeat(600), "%FF", "%E2%82");
    }

    private static List<String> badPathValues() {
        return List.of("not-a-uuid", UUID.randomUUID().toString(), "%00", "%FF", "a".repeat(600), "%2E%2E",
                "00000000-0000-0000-0000-000000000000");
    }

    private static List<String> badForms() {
        return List.of("username=%zz&password=x", "username=%00&password=%00", "username=rita", "", "=&=&&",
                "username=" + "a".repeat(10_000) + "&password=x", "username=%E0%A4%A&password=x",
                "username=rita&password=rita&username=admin", "%");
    }

    private static List<String> malformedBodies(String valid) {
        return List.of("", "{", "{\"a\":", "null", "[]", "\"text\"", "42", valid + valid, valid + "}",
                "{" + "\"a\":{".repeat(200) + "}".repeat(201), "\u0000", "{\"\\u0000\":1}");
    }

    // --- sending and judging ------------------------------------------------------------------------------------

    private void send(OpenApi.Operation operation, String what, String authorization, String path,
                      Map<String, String> query, String ifMatch, Body body) throws IOException, InterruptedException {
        send(operation, what, authorization, path, query, ifMatch, body, null, Map.of());
    }

    private void send(OpenApi.Operation operation, String what, String authorization, String path,
                      Map<String, String> query, String ifMatch, Body body, String rawQuery)
            throws IOException, InterruptedException {
        send(operation, what, authorization, path, query, ifMatch, body, rawQuery, Map.of());
    }

    private void send(OpenApi.Operation operation, String what, String authorization, String path,
                      Map<String, String> query, String ifMatch, Body body, String rawQuery,
                      Map<String, String> headers) throws IOException, InterruptedException {
        StringBuilder target = new StringBuilder(service.apiUrl()).append(path);
        List<String> pairs = new ArrayList<>();
        query.forEach((name, value) -> pairs.add(name + "=" + value));
        if (rawQuery != null) {
            pairs.add(rawQuery);
        }
        if (!pairs.isEmpty()) {
            target.append('?').append(String.join("&", pairs));
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(target.toString())).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException notAUri) {
            report.noted(operation.name() + " " + what + ": not a URI a client can send");
            return;
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.text(), StandardCharsets.UTF_8);
        request.method(operation.method().toUpperCase(), publisher);
        if (body != null) {
            request.header("Content-Type", body.contentType());
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        judge(operation, what, response);
    }

    private void judge(OpenApi.Operation operation, String what, HttpResponse<String> response) {
        int status = response.statusCode();
        String name = operation.name() + " with " + what;
        report.answered(operation.name(), status);
        if (what.equals("the valid request") && status >= 400) {
            report.noted(operation.name() + ": the valid request was refused (" + status + "), so the bad values met "
                    + "an operation that refuses anyway: " + shown(response.body().replaceAll("\\s+", " "), 300));
        }
        if (status >= 500) {
            report.failed(name, status, "a server error", response.body());
        }
        if (status < 400) {
            service.settle();
            baseline = service.snapshot();
            return;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (!contentType.startsWith("application/problem+json")) {
            report.failed(name, status, "not problem details (Content-Type " + contentType + ")", response.body());
        } else {
            try {
                JsonNode problem = JSON.readTree(response.body());
                if (problem.path("status").asInt() != status) {
                    report.failed(name, status, "a problem whose status is " + problem.path("status"), response.body());
                }
                if (problem.path("type").asText().endsWith("/not-storable")) {
                    report.failed(name, status, "the database refused a value no rule caught", response.body());
                }
                if (status == 400 && !problem.path("errors").path(0).hasNonNull("field")) {
                    report.failed(name, status, "a 400 that names no field", response.body());
                }
            } catch (IOException e) {
                report.failed(name, status, "problem details that are not JSON", response.body());
            }
        }
        {
            Map<String, String> now = service.snapshot();
            if (!now.equals(baseline)) {
                report.failed(name, status, "a write behind an error: " + difference(baseline, now), response.body());
                baseline = now;
            }
        }
    }

    private static String difference(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((table, summary) -> {
            if (!summary.equals(before.get(table))) {
                changed.put(table, before.get(table) + " -> " + summary);
            }
        });
        return changed.toString();
    }

    private static String quoted(String text) {
        return TextNode.valueOf(text).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shown(String value) {
        return shown(value, 40);
    }

    private static String shown(String value, int longest) {
        String text = value.length() > longest ? value.substring(0, longest) + "...(" + value.length() + " characters)"
                : value;
        return text.replace("\u0000", "\\0");
    }

    /** What the probe sent and what did not hold. */
    public static final class Report {

        private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private int requests;

        void answered(String operation, int status) {
            requests++;
            statuses.computeIfAbsent(operation, o -> new TreeMap<>()).merge(status, 1, Integer::sum);
        }

        void failed(String request, int status, String what, String body) {
            String excerpt = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            failures.add(request + " -> " + status + ": " + what + "\n    " + excerpt);
        }

        void noted(String why) {
            notes.add(why);
        }

        public List<String> failures() {
            return List.copyOf(failures);
        }

        public int requests() {
            return requests;
        }

        public int operations() {
            return statuses.size();
        }

        /** How many answers had each status, over every operation. */
        public Map<Integer, Integer> statusCounts() {
            Map<Integer, Integer> total = new TreeMap<>();
            statuses.values().forEach(counts -> counts.forEach((status, n) -> total.merge(status, n, Integer::sum)));
            return total;
        }

        /** A readable account: totals, statuses per operation, what was noted and what failed. */
        public String summary() {
            StringBuilder text = new StringBuilder();
            text.append(requests).append(" requests over ").append(operations()).append(" operations; answers by status: ")
                    .append(statusCounts()).append('\n');
            statuses.forEach((operation, counts) -> text.append("  ").append(operation).append(' ').append(counts)
                    .append('\n'));
            notes.forEach(s -> text.append("  note: ").append(s).append('\n'));
            text.append(failures.size()).append(" failures\n");
            failures.forEach(f -> text.append("  ").append(f).append('\n'));
            return text.toString();
        }
    }
}
