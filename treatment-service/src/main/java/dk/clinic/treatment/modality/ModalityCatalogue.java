package dk.clinic.treatment.modality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clinic's modalities and the one place that knows what parameters each may carry. Course defaults and session
 * records are checked here: an unknown parameter or a value out of range is refused with the field named.
 */
@ApplicationScoped
public class ModalityCatalogue {

    private static final Set<String> TYPES = Set.of("integer", "number", "text", "list");

    private final ModalityRepository repository;
    private final ObjectMapper json;

    ModalityCatalogue(ModalityRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    public List<Modality> active() {
        return repository.list("active", Sort.by("code"), true);
    }

    public Modality require(String code) {
        return repository.findByIdOptional(code).orElseThrow(() -> ProblemException.notFound("Modality", code));
    }

    /** For a modality named in a request body: 422 naming the field when the clinic does not offer it. */
    public Modality requireOffered(String field, String code) {
        Modality modality = code == null ? null : repository.findById(code);
        if (modality == null || !modality.active) {
            throw ProblemException.unknownReference(field, "Modality", code);
        }
        return modality;
    }

    @Transactional
    public Modality save(String code, String ifMatch, ModalityDetails details) {
        Modality modality = repository.findById(code);
        if (modality == null) {
            modality = new Modality();
            modality.code = code;
        } else {
            Versions.requireCurrent(ifMatch, modality.version, "Modality");
        }
        details.parameters().forEach((name, rule) -> checkRule("parameters." + name, rule));
        modality.nameDa = details.name().da();
        modality.nameNb = details.name().nb();
        modality.nameEn = details.name().en();
        modality.defaultSessions = details.defaultSessions();
        modality.defaultIntervalDays = details.defaultIntervalDays();
        modality.reviewAfterSessions = details.reviewAfterSessions();
        modality.needsDevice = details.needsDevice();
        modality.referral = details.referral();
        modality.parameters = write(details.parameters());
        modality.active = details.active() == null || details.active();
        repository.persist(modality);
        repository.flush();
        return modality;
    }

    /**
     * The modality's defaults overlaid with {@code given}, each checked against the modality's rules.
     *
     * @param field where the values sit in the request, for error messages (e.g. {@code courses[0].parameters})
     */
    public ObjectNode withDefaults(Modality modality, JsonNode given, String field) {
        ObjectNode result = json.createObjectNode();
        rules(modality).fields().forEachRemaining(rule -> {
            if (rule.getValue().has("default")) {
                result.set(rule.getKey(), rule.getValue().get("default"));
            }
        });
        ObjectNode checked = check(modality, given, field);
        result.setAll(checked);
        return result;
    }

    /** {@code given} checked against the modality's parameter rules; refused with the field named otherwise. */
    public ObjectNode check(Modality modality, JsonNode given, String field) {
        ObjectNode checked = json.createObjectNode();
        if (given == null || given.isNull()) {
            return checked;
        }
        if (!given.isObject()) {
            throw ProblemException.invalid(field, "must be an object of parameters");
        }
        JsonNode rules = rules(modality);
        given.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            String at = field + "." + name;
            JsonNode rule = rules.get(name);
            if (rule == null) {
                throw ProblemException.invalid(at, "is not a parameter of " + modality.code
                        + " (known: " + String.join(", ", (Iterable<String>) rules::fieldNames) + ")");
            }
            checked.set(name, checkValue(rule, entry.getValue(), at));
        });
        return checked;
    }

    private static JsonNode checkValue(JsonNode rule, JsonNode value, String at) {
        String type = rule.path("type").asText();
        switch (type) {
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    throw ProblemException.invalid(at, "must be a whole number");
                }
                checkRange(rule, value.asDouble(), at);
            }
            case "number" -> {
                if (!value.isNumber()) {
                    throw ProblemException.invalid(at, "must be a number");
                }
                checkRange(rule, value.asDouble(), at);
            }
            case "text" -> {
                if (!value.isTextual() || value.asText().length() > 500) {
                    throw ProblemException.invalid(at, "must be a text of at most 500 characters");
                }
            }
            case "list" -> {
                if (!value.isArray() || value.size() > 50) {
                    throw ProblemException.invalid(at, "must be a list of at most 50 entries");
                }
                value.forEach(item -> {
                    if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > 200) {
                        throw ProblemException.invalid(at, "must list texts of 1 to 200 characters");
                    }
                });
            }
            default -> throw new IllegalStateException("Unknown parameter type " + type + " at " + at);
        }
        return value;
    }

    private static void checkRange(JsonNode rule, double value, String at) {
        if (rule.has("min") && value < rule.get("min").asDouble()) {
            throw ProblemException.invalid(at, "must be at least " + rule.get("min").asText());
        }
        if (rule.has("max") && value > rule.get("max").asDouble()) {
            throw ProblemException.invalid(at, "must be at most " + rule.get("max").asText());
        }
    }

    private static void checkRule(String at, ModalityDetails.ParameterRule rule) {
        if (!TYPES.contains(rule.type())) {
            throw ProblemException.invalid(at + ".type", "must be one of " + TYPES);
        }
        if (rule.min() != null && rule.max() != null && rule.min() > rule.max()) {
            throw ProblemException.invalid(at + ".max", "must not be below min");
        }
    }

    private JsonNode rules(Modality modality) {
        try {
            return json.readTree(modality.parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Modality " + modality.code + " has unreadable parameters", e);
        }
    }

    private String write(Map<String, ModalityDetails.ParameterRule> parameters) {
        try {
            return json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
