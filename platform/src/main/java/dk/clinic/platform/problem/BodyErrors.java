package dk.clinic.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dk.clinic.platform.validation.RefusedValueException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What was wrong with a request body Jackson could not read, in the client's terms: the field as a JSON path
 * ({@code days[0].start}, or {@code body} for the whole) and a reason a receptionist's developer can act on. The value
 * that was refused is echoed at most 60 characters long, control characters shown as {@code U+XXXX}.
 */
final class BodyErrors {

    private BodyErrors() {
    }

    static Problem.FieldError of(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String reason;
        if (e instanceof RefusedValueException refused) {
            reason = refused.reason();
        } else if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            reason = "is too long, too large or nested too deeply to be read";
        } else if (e instanceof UnrecognizedPropertyException) {
            reason = "is not a known field";
        } else if (e instanceof InvalidFormatException format) {
            reason = "cannot be read as " + format.getTargetType().getSimpleName() + ": '" + quoted(format.getValue()) + "'";
        } else if (e instanceof ValueInstantiationException instantiation
                && instantiation.getCause() instanceof IllegalArgumentException refused && refused.getMessage() != null) {
            reason = refused.getMessage(); // a value type's own parser said why (e.g. a clinic time)
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            reason = expected(mismatch.getTargetType());
        } else if (e instanceof JsonMappingException) {
            reason = "has the wrong type or shape";
        } else {
            reason = "is not well-formed JSON";
        }
        return new Problem.FieldError(field.isEmpty() ? "body" : field, reason);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + quoted(ref.getFieldName()) : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    static String quoted(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "...";
        }
        StringBuilder shown = new StringBuilder(text.length());
        text.chars().forEach(c -> shown.append(Character.isISOControl(c) || Character.isSurrogate((char) c)
                ? "U+%04X".formatted(c) : String.valueOf((char) c)));
        return shown.toString();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "must be a whole number";
        } else if (type == Double.class || type == double.class || type == BigDecimal.class) {
            return "must be a number";
        } else if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        } else if (type == String.class) {
            return "must be text";
        } else if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        } else if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "must be an object";
        }
        return "has the wrong type or shape";
    }
}
