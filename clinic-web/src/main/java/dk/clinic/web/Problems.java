package dk.clinic.web;

import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details for what the web app itself refuses, shaped as the services' own. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response of(int status, String slug, String title, String detail) {
        return of(status, slug, title, detail, List.of());
    }

    /** With the fields that are wrong, each as {@code {"field", "reason"}}, as the services name them. */
    public static Response of(int status, String slug, String title, String detail, List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create("https://clinic.example/problems/" + slug).toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
