package dk.clinic.treatment.outcome;

import dk.clinic.platform.problem.Problem;
import dk.clinic.platform.problem.ProblemException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.util.introspection.PropertyOrFieldSupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** What the tests need to read a refusal the way the REST layer will show it, and to write item lists. */
final class Refusals {

    private Refusals() {
    }

    /** The fields a 400 problem names, with their reasons, in order. */
    @SuppressWarnings("unchecked")
    static List<Problem.FieldError> refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ProblemException.class);
        assertThat(((ProblemException) thrown).status()).isEqualTo(400);
        return (List<Problem.FieldError>) PropertyOrFieldSupport.EXTRACTION.getValueOf("errors", thrown);
    }

    static Problem.FieldError field(String field, String reason) {
        return new Problem.FieldError(field, reason);
    }

    /** An item list, nulls allowed (List.of refuses them). */
    static List<Integer> items(Integer... answers) {
        return Arrays.asList(answers);
    }

    /** {@code answered} items all answered with {@code answer}, then unanswered ones up to {@code items}. */
    static List<Integer> answered(int answered, int answer, int items) {
        List<Integer> list = new ArrayList<>(Collections.nCopies(answered, answer));
        list.addAll(Collections.nCopies(items - answered, null));
        return list;
    }
}
