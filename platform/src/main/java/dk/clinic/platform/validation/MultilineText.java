package dk.clinic.platform.validation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A free-text field that may hold line breaks and tabs (a note, a reason, a session's findings). Every other text is one
 * line: {@link Accepted#textProblem} refuses control characters in it.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultilineText {
}
