package dk.clinic.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One service's public API, as a user with one role calls it: JSON, a bearer token, If-Match where asked. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String token;

    private Http(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Signs {@code user} in at the service's local issuer (the password is the user name, as ./clinic up has it). */
    static Http as(String base, String user) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        Answer answer = send(HttpRequest.newBuilder(URI.create(base + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), null);
        return new Http(base, answer.expect(200).json().path("access_token").asText());
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    Answer post(String path, Object body) {
        return post(path, body, null);
    }

    Answer post(String path, Object body, String etag) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(write(body)));
        return send(withBody(request, body, etag), token);
    }

    Answer put(String path, Object body, String etag) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .PUT(HttpRequest.BodyPublishers.ofString(write(body)));
        return send(withBody(request, body, etag), token);
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder request, Object body, String etag) {
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request;
    }

    private static Answer send(HttpRequest.Builder request, String token) {
        request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(built.method() + " " + built.uri(), response.statusCode(), response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a service answered. */
    record Answer(String request, int status, String body, String etag) {

        Answer expect(int... wanted) {
            for (int code : wanted) {
                if (status == code) {
                    return this;
                }
            }
            throw new IllegalStateException(request + " answered " + status + ": " + body);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
