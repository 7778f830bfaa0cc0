package dk.clinic.web;

import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem details for what the web app itself refuses, shaped as the services' own. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response of(int status, String slug, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create("https://clinic.example/problems/" + slug).toString());
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}
