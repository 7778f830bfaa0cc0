package dk.clinic.platform.inbox;

/**
 * The event breaks its contract. Retrying cannot help, so consumers send it to the dead-letter topic at once
 * (declare {@code @Retry(abortOn = MalformedEventException.class)}).
 */
public class MalformedEventException extends RuntimeException {
    public MalformedEventException(String message) {
        super(message);
    }
}
