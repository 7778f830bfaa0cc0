package dk.clinic.platform.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Holds every JSON body to {@link Accepted}: texts, numbers and dates are checked as they are read, wherever they sit
 * (a field, a list, a map's keys, free-form JSON), and a refusal names the field's path. The service's ObjectMapper
 * also stops guessing: 7.9 is not an integer, "7" is not a number, 1 is not an enum constant, and nothing may follow
 * the body's JSON value.
 */
@Singleton
public class AcceptedJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(64).maxStringLength(Accepted.LONGEST_TEXT * 8).build());
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.registerModule(module());
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("accepted-input");
        module.setDeserializerModifier(new Checks());
        module.addKeyDeserializer(String.class, new TextKeys());
        module.addDeserializer(JsonNode.class, new CheckedTree());
        module.addDeserializer(ObjectNode.class, new CheckedTree().typed());
        return module;
    }

    /** Wraps the deserializers of the types {@link Accepted} has a rule for. */
    private static final class Checks extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == String.class) {
                return new Checked(deserializer, Kind.TEXT, false);
            }
            if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
                return new Checked(deserializer, Kind.FLOATING, false);
            }
            if (type == BigDecimal.class) {
                return new Checked(deserializer, Kind.DECIMAL, false);
            }
            if (type == LocalDate.class || type == LocalDateTime.class || type == Instant.class
                    || type == OffsetDateTime.class || type == ZonedDateTime.class) {
                return new Checked(deserializer, Kind.DATE, false);
            }
            return deserializer;
        }
    }

    private enum Kind { TEXT, FLOATING, DECIMAL, DATE }

    /** A standard deserializer followed by the rule for its kind of value. */
    private static final class Checked extends DelegatingDeserializer {

        private final Kind kind;
        private final boolean lineBreaks;

        Checked(JsonDeserializer<?> delegate, Kind kind, boolean lineBreaks) {
            super(delegate);
            this.kind = kind;
            this.lineBreaks = lineBreaks;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate, kind, lineBreaks);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            Checked contextual = (Checked) super.createContextual(context, property);
            boolean multiline = property != null && property.getAnnotation(MultilineText.class) != null;
            return multiline == contextual.lineBreaks ? contextual
                    : new Checked(contextual._delegatee, kind, multiline);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object value = super.deserialize(parser, context);
            Optional<String> problem = value == null ? Optional.empty() : switch (kind) {
                case TEXT -> Accepted.textProblem((String) value, lineBreaks);
                case FLOATING -> Accepted.numberProblem(((Number) value).doubleValue());
                case DECIMAL -> Accepted.numberProblem((BigDecimal) value);
                case DATE -> Accepted.dateProblem(dateOf(value));
            };
            if (problem.isPresent()) {
                throw new RefusedValueException(parser, problem.get());
            }
            return value;
        }

        private static LocalDate dateOf(Object value) {
            return switch (value) {
                case LocalDate date -> date;
                case LocalDateTime dateTime -> dateTime.toLocalDate();
                case Instant instant -> instant.atOffset(ZoneOffset.UTC).toLocalDate();
                case OffsetDateTime offset -> offset.toLocalDate();
                case ZonedDateTime zoned -> zoned.toLocalDate();
                default -> throw new IllegalArgumentException("not a date: " + value.getClass());
            };
        }
    }

    /** Map keys are text too (e.g. a modality's parameter names). */
    private static final class TextKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            Optional<String> problem = Accepted.textProblem(key, false);
            if (problem.isPresent()) {
                throw new RefusedValueException(context.getParser(), "has a key that " + problem.get());
            }
            return key;
        }
    }

    /**
     * Free-form JSON (session details, parameters, raw answers): read as a tree, then every key, text and number in it
     * held to the same rules, and its depth to {@link Accepted#DEEPEST_JSON}. A refusal names the path inside it.
     */
    private static final class CheckedTree extends StdDeserializer<JsonNode> implements ContextualDeserializer {

        private final boolean lineBreaks;
        private final boolean objectOnly;

        CheckedTree() {
            this(false, false);
        }

        private CheckedTree(boolean lineBreaks, boolean objectOnly) {
            super(JsonNode.class);
            this.lineBreaks = lineBreaks;
            this.objectOnly = objectOnly;
        }

        @SuppressWarnings("unchecked")
        <T extends JsonNode> JsonDeserializer<T> typed() {
            return (JsonDeserializer<T>) (JsonDeserializer<?>) new CheckedTree(lineBreaks, true);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean multiline = property != null && property.getAnnotation(MultilineText.class) != null;
            return new CheckedTree(multiline, objectOnly);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = (objectOnly ? JsonNodeDeserializer.getDeserializer(ObjectNode.class)
                    : JsonNodeDeserializer.getDeserializer(JsonNode.class)).deserialize(parser, context);
            check(tree, 1, parser);
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return objectOnly ? null : context.getNodeFactory().nullNode();
        }

        private void check(JsonNode node, int depth, JsonParser parser) throws JsonMappingException {
            if (depth > Accepted.DEEPEST_JSON) {
                throw new RefusedValueException(parser, "nests deeper than " + Accepted.DEEPEST_JSON + " levels");
            }
            Optional<String> problem = Optional.empty();
            if (node.isTextual()) {
                problem = Accepted.textProblem(node.textValue(), lineBreaks);
            } else if (node.isFloatingPointNumber()) {
                problem = node.isBigDecimal() ? Accepted.numberProblem(node.decimalValue())
                        : Accepted.numberProblem(node.doubleValue());
            } else if (node.isBigInteger()) {
                problem = Accepted.numberProblem(new BigDecimal(node.bigIntegerValue()));
            } else if (node.isIntegralNumber()) {
                problem = Accepted.numberProblem(BigDecimal.valueOf(node.longValue()));
            }
            if (problem.isPresent()) {
                throw new RefusedValueException(parser, problem.get());
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    try {
                        check(node.get(i), depth + 1, parser);
                    } catch (JsonMappingException inner) {
                        inner.prependPath(node, i);
                        throw inner;
                    }
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    Optional<String> keyProblem = Accepted.textProblem(field.getKey(), false);
                    try {
                        if (keyProblem.isPresent()) {
                            throw new RefusedValueException(parser, "is a key that " + keyProblem.get());
                        }
                        check(field.getValue(), depth + 1, parser);
                    } catch (JsonMappingException inner) {
                        inner.prependPath(node, field.getKey());
                        throw inner;
                    }
                }
            }
        }
    }
}
