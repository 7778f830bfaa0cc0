package dk.clinic.platform.validation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A value in a request body that {@link Accepted} refuses. A {@link JsonMappingException}, so Jackson adds the path of
 * the field as the exception travels out (e.g. {@code answers.pain[3]}); the problem details name it with
 * {@link #reason()}.
 */
public class RefusedValueException extends JsonMappingException {

    private final String reason;

    public RefusedValueException(JsonParser parser, String reason) {
        super(parser, reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
