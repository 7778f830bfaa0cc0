package dk.clinic.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event contract as written in {@code contracts/asyncapi.yaml}: which event types exist, on which topic each
 * travels and the JSON Schema of its data. Read from the AsyncAPI document itself so that the document stays the
 * single source; tests on both sides validate against it.
 */
public final class EventContracts {

    private static final String DOCUMENT = "contracts/asyncapi.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventContracts INSTANCE = load();

    private final Map<String, EventContract> byType;
    private final JsonSchema headers;

    private EventContracts(Map<String, EventContract> byType, JsonSchema headers) {
        this.byType = byType;
        this.headers = headers;
    }

    public static EventContracts get() {
        return INSTANCE;
    }

    public Set<String> types() {
        return Collections.unmodifiableSet(byType.keySet());
    }

    public EventContract contract(String type) {
        EventContract contract = byType.get(type);
        if (contract == null) {
            throw new IllegalArgumentException("No event type " + type + " in " + DOCUMENT + "; known: " + byType.keySet());
        }
        return contract;
    }

    /** Problems with the data of an event of this type; empty when it honours the contract. */
    public List<String> violations(String type, String dataJson) {
        return messages(contract(type).schema().validate(dataJson, InputFormat.JSON));
    }

    /** Problems with the CloudEvents headers (name to value); empty when they honour the contract. */
    public List<String> headerViolations(Map<String, String> headerValues) {
        return messages(headers.validate(JSON.valueToTree(headerValues)));
    }

    private static List<String> messages(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static EventContracts load() {
        JsonNode document = read(DOCUMENT, new ObjectMapper(new YAMLFactory()));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        Map<String, EventContract> byType = new LinkedHashMap<>();
        document.path("channels").properties().forEach(channel -> {
            String topic = channel.getValue().path("address").asText();
            channel.getValue().path("messages").properties().forEach(entry -> {
                JsonNode message = resolve(document, entry.getValue().path("$ref").asText());
                String type = message.path("name").asText();
                JsonSchema schema = schema(factory, config, message.path("payload").path("$ref").asText());
                byType.put(type, new EventContract(type, topic, schema));
            });
        });
        JsonNode trait = document.path("components").path("messageTraits").path("cloudEvent");
        JsonSchema headers = schema(factory, config, trait.path("headers").path("$ref").asText());
        return new EventContracts(byType, headers);
    }

    private static JsonSchema schema(JsonSchemaFactory factory, SchemaValidatorsConfig config, String relativeRef) {
        String resource = "contracts/" + relativeRef.replaceFirst("^\\./", "");
        return factory.getSchema(read(resource, JSON), config);
    }

    private static JsonNode resolve(JsonNode document, String localRef) {
        JsonNode node = document.at(localRef.replaceFirst("^#", ""));
        if (node.isMissingNode()) {
            throw new IllegalStateException(DOCUMENT + ": unresolved reference " + localRef);
        }
        return node;
    }

    private static JsonNode read(String resource, ObjectMapper mapper) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing contract resource " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One event type: where it travels and what its data must look like. */
    public record EventContract(String type, String topic, JsonSchema schema) {
    }
}
