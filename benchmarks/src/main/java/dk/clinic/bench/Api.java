package dk.clinic.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.testing.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A service's REST API as a receptionist's, a practitioner's or an admin's client calls it: JSON, bearer tokens,
 * HTTP/1.1.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String management;

    Api(ServiceProcess service) {
        this.base = service.url();
        this.management = service.managementUrl();
    }

    /** Signs in at the service's local issuer; the answer is the bearer token. */
    String token(String user, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Answer answer = send(HttpRequest.newBuilder(URI.create(base + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), null).expect(200);
        return answer.json().get("access_token").asText();
    }

    Answer post(String path, String token, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))), token);
    }

    /** A change to a versioned resource: {@code version} goes in If-Match, as its ETag said. */
    Answer post(String path, String token, long version, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("If-Match", "\"" + version + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))), token);
    }

    Answer put(String path, String token, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))), token);
    }

    Answer get(String pathAndQuery, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET(), token);
    }

    /** The Prometheus metrics (text, no token). */
    String metrics() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(management + "/q/metrics")).timeout(TIMEOUT)
                .header("Accept", "text/plain").GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer("GET /q/metrics", response.statusCode(), response.body()).expect(200).body();
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A POST without a body that may take long (a rebuild). */
    Answer postLong(String path, String token, Duration timeout) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    private Answer send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        if (request.build().timeout().isEmpty()) {
            request.timeout(TIMEOUT);
        }
        request.header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.request().method() + " " + response.uri().getPath(), response.statusCode(),
                response.body());
    }

    record Answer(String request, int status, String body) {

        Answer expect(int wanted) {
            if (status != wanted) {
                throw new IllegalStateException(request + " answered " + status + " (expected " + wanted + "): " + body);
            }
            return this;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        UUID id() {
            return UUID.fromString(expect(201).json().get("id").asText());
        }
    }
}
