package dk.clinic.treatment.outcome;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dk.clinic.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * Reads the {@code answers} member of a request into the instrument's {@link Answers} record. Stricter than the
 * service's own mapper on purpose: 7.5 or "7" for a whole-number item is refused, never truncated or guessed.
 */
final class AnswersJson {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private AnswersJson() {
    }

    static Answers read(Instrument instrument, JsonNode answers) {
        if (answers == null || answers.isNull() || answers.isMissingNode()) {
            throw ProblemException.invalid("answers", "is required");
        }
        if (!answers.isObject()) {
            throw ProblemException.invalid("answers", "must be an object");
        }
        try {
            return STRICT.treeToValue(answers, instrument.answersType());
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalid(path(e), "is not a known field");
        } catch (MismatchedInputException e) {
            throw ProblemException.invalid(path(e), expected(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw ProblemException.invalid(path(e), e.getCause() instanceof InputCoercionException
                    ? "is out of range" : "has the wrong type or shape");
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("answers", "cannot be read");
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("answers");
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "must be a whole number";
        } else if (type == BigDecimal.class) {
            return "must be a number";
        } else if (type == String.class) {
            return "must be text";
        } else if (type != null && Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        } else if (type != null && type.isRecord()) {
            return "must be an object";
        }
        return "has the wrong type or shape";
    }
}
