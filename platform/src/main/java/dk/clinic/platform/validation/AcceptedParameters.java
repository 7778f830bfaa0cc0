package dk.clinic.platform.validation;

import dk.clinic.platform.problem.ProblemException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads query, path, header and form parameters by {@link Accepted}'s rules and names the parameter when it refuses
 * one: 400 for a query, header or form value, 404 for a path segment that cannot name anything. Without it JAX-RS answers
 * a bad query value with a bare 404, reads {@code flagged=maybe} as false, and lets a NUL reach PostgreSQL.
 */
@Provider
public class AcceptedParameters implements ParamConverterProvider {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Parameter parameter = Parameter.of(annotations);
        if (parameter == null) {
            return null;
        }
        if (rawType == String.class) {
            return (ParamConverter<T>) parameter.converter(String.class, text -> text);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) parameter.converter(LocalDate.class, AcceptedParameters::date);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) parameter.converter(UUID.class, AcceptedParameters::uuid);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) parameter.converter(Boolean.class, AcceptedParameters::bool);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) parameter.converter(Integer.class, AcceptedParameters::wholeNumber);
        }
        if (rawType.isEnum()) {
            Class<Object> type = (Class<Object>) rawType;
            return (ParamConverter<T>) parameter.converter(type, text -> constant((Class<? extends Enum>) rawType, text));
        }
        return null;
    }

    private static LocalDate date(String text) {
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date such as 2027-03-16");
        }
        Accepted.dateProblem(date).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return date;
    }

    private static UUID uuid(String text) {
        if (text.length() != 36) {
            throw new IllegalArgumentException("must be an id such as 0f8fad5b-d9cb-469f-a165-70867728950e");
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be an id such as 0f8fad5b-d9cb-469f-a165-70867728950e");
        }
    }

    private static Boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    private static Integer wholeNumber(String text) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a whole number");
        }
        long value = Long.parseLong(text);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("is out of range");
        }
        return (int) value;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** Where a parameter comes from and what the client calls it. */
    private record Parameter(String name, boolean inPath) {

        static Parameter of(Annotation[] annotations) {
            for (Annotation annotation : annotations) {
                switch (annotation) {
                    case QueryParam query -> {
                        return new Parameter(query.value(), false);
                    }
                    case PathParam path -> {
                        return new Parameter(path.value(), true);
                    }
                    case HeaderParam header -> {
                        return new Parameter(header.value(), false);
                    }
                    case FormParam form -> {
                        return new Parameter(form.value(), false);
                    }
                    default -> {
                    }
                }
            }
            return null;
        }

        <V> ParamConverter<V> converter(Class<V> type, Function<String, V> read) {
            return new ParamConverter<>() {
                @Override
                public V fromString(String text) {
                    if (text == null) {
                        return null;
                    }
                    Optional<String> problem = text.length() > Accepted.LONGEST_PARAMETER
                            ? Optional.of("must be at most " + Accepted.LONGEST_PARAMETER + " characters")
                            : Accepted.textProblem(text, false);
                    try {
                        if (problem.isPresent()) {
                            throw new IllegalArgumentException(problem.get());
                        }
                        return read.apply(text);
                    } catch (IllegalArgumentException refused) {
                        throw refusal(refused.getMessage());
                    }
                }

                @Override
                public String toString(V value) {
                    return value == null ? null : value.toString();
                }
            };
        }

        private ProblemException refusal(String reason) {
            if (inPath) {
                return new ProblemException(404, "not-found", "Not found", "The path names nothing: " + name + " " + reason)
                        .field(name, reason);
            }
            return ProblemException.invalid(name, reason);
        }
    }
}
