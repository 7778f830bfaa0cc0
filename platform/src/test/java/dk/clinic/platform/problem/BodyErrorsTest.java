package dk.clinic.platform.problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a client is told about a body that cannot be read: the field as a JSON path and a reason. No server. */
class BodyErrorsTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    enum Weekday { MONDAY, TUESDAY }

    record Break(String start, String end) {
    }

    record Day(Weekday weekday, int minutes, List<Break> breaks) {
    }

    record Week(List<Day> days) {
    }

    @Test
    void brokenJsonIsTheBodys() {
        assertThat(error("{days:[]}")).isEqualTo(new Problem.FieldError("body", "is not well-formed JSON"));
    }

    @Test
    void anUnknownFieldIsNamedWhereItIs() {
        assertThat(error("{\"days\":[{\"weekday\":\"MONDAY\",\"minutes\":60,\"colour\":\"red\"}]}"))
                .isEqualTo(new Problem.FieldError("days[0].colour", "is not a known field"));
    }

    @Test
    void aValueOfTheWrongKindSaysWhatWasExpected() {
        assertThat(error("{\"days\":[{\"weekday\":\"SUNDAY\"}]}").reason()).startsWith("cannot be read as Weekday");
        assertThat(error("{\"days\":[{\"minutes\":[1]}]}"))
                .isEqualTo(new Problem.FieldError("days[0].minutes", "must be a whole number"));
        assertThat(error("{\"days\":{}}")).isEqualTo(new Problem.FieldError("days", "must be an array"));
        assertThat(error("{\"days\":[{\"breaks\":[\"noon\"]}]}"))
                .isEqualTo(new Problem.FieldError("days[0].breaks[0]", "must be an object"));
    }

    @Test
    void theRefusedValueIsEchoedShortAndWithoutControlCharacters() {
        String reason = error("{\"days\":[{\"minutes\":\"" + "9".repeat(80) + "\\u0007\"}]}").reason();

        assertThat(reason).startsWith("cannot be read as int: '" + "9".repeat(60) + "...'");
        assertThat(BodyErrors.quoted("a\u0000b")).isEqualTo("aU+0000b");
    }

    @Test
    void aBodyNestedTooDeeplyIsRefusedAsSuch() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(5).build()).build();
        ObjectMapper shallow = new ObjectMapper(factory);
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> shallow.readTree("[".repeat(10) + "]".repeat(10)));

        assertThat(BodyErrors.of(e).reason()).isEqualTo("is too long, too large or nested too deeply to be read");
    }

    private static Problem.FieldError error(String body) {
        return BodyErrors.of(catchThrowableOfType(JsonProcessingException.class, () -> JSON.readValue(body, Week.class)));
    }
}
