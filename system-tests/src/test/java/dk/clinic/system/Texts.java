package dk.clinic.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The web app's texts in one language, read from the very files the pages are built with
 * ({@code clinic-web/src/main/webui/src/locales}), so that a story finds a button by what the user reads on it.
 */
final class Texts {

    private final String language;
    private final JsonNode texts;

    private Texts(String language, JsonNode texts) {
        this.language = language;
        this.texts = texts;
    }

    static Texts of(String language) {
        Path file = RunningClinic.root().resolve("clinic-web/src/main/webui/src/locales/" + language + ".json");
        try {
            return new Texts(language, new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String language() {
        return language;
    }

    /** The text of a key such as {@code book.title}; fails when the language has none. */
    String get(String key) {
        JsonNode node = texts;
        for (String part : key.split("\\.")) {
            node = node.path(part);
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException(language + " has no text " + key);
        }
        return node.asText();
    }

    /** With its {@code {{placeholders}}} filled in, as i18next fills them. */
    String get(String key, Map<String, Object> values) {
        String text = get(key);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", String.valueOf(value.getValue()));
        }
        return text;
    }
}
