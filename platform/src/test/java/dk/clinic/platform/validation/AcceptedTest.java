package dk.clinic.platform.validation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptedTest {

    @Property
    void namesAndNotesInTheClinicsLanguagesAreAccepted(@ForAll("clinicText") String text) {
        assertThat(Accepted.textProblem(text, false)).isEmpty();
        assertThat(Accepted.textProblem(text, true)).isEmpty();
    }

    @Property
    void aControlCharacterAnywhereIsRefusedAndNamed(@ForAll("clinicText") String before,
                                                    @ForAll @CharRange(from = '\u0000', to = '\u001f') char control,
                                                    @ForAll("clinicText") String after) {
        String text = before + control + after;
        boolean lineBreak = control == '\n' || control == '\r' || control == '\t';
        assertThat(Accepted.textProblem(text, false)).get().asString()
                .contains("position " + (before.length() + 1));
        assertThat(Accepted.textProblem(text, true).isPresent()).isEqualTo(!lineBreak);
    }

    @Property
    void anUnpairedSurrogateIsRefusedAndAPairIsNot(@ForAll @CharRange(from = '\ud800', to = '\udbff') char high,
                                                   @ForAll @CharRange(from = '\udc00', to = '\udfff') char low) {
        assertThat(Accepted.textProblem("a" + high + low + "b", false)).isEmpty();
        assertThat(Accepted.textProblem("a" + high + "b", false)).isPresent();
        assertThat(Accepted.textProblem("a" + low + "b", false)).isPresent();
    }

    @Property
    void textBeyondTheLongestIsRefused(@ForAll @StringLength(min = 10_001, max = 10_100) String text) {
        assertThat(Accepted.textProblem(text.replaceAll("\\p{Cntrl}|\\p{Cs}|\\uFFFE|\\uFFFF", "a"), true)).get()
                .asString().contains("at most 10000");
    }

    @Test
    void datesTheClinicCanMeanLieBetween1900And2199() {
        assertThat(Accepted.dateProblem(LocalDate.of(1900, 1, 1))).isEmpty();
        assertThat(Accepted.dateProblem(LocalDate.of(2199, 12, 31))).isEmpty();
        assertThat(Accepted.dateProblem(LocalDate.of(1899, 12, 31))).isPresent();
        assertThat(Accepted.dateProblem(LocalDate.of(-44, 3, 15))).isPresent();
        assertThat(Accepted.dateProblem(LocalDate.MAX)).isPresent();
    }

    @Property
    void everyFiniteNumberBelowTheLargestIsAcceptedAndNothingElse(@ForAll double number) {
        boolean acceptable = Double.isFinite(number) && Math.abs(number) < 1e12;
        assertThat(Accepted.numberProblem(number).isEmpty()).isEqualTo(acceptable);
    }

    @Test
    void decimalsAreBoundedInSizeAndPrecision() {
        assertThat(Accepted.numberProblem(new BigDecimal("92.5"))).isEmpty();
        assertThat(Accepted.numberProblem(new BigDecimal("1E400"))).isPresent();
        assertThat(Accepted.numberProblem(new BigDecimal("0.0000001"))).get().asString().contains("decimals");
        assertThat(Accepted.numberProblem(new BigDecimal("2.500000000"))).isEmpty();
    }

    @Provide
    Arbitrary<String> clinicText() {
        // letters of the three languages, digits, punctuation, emoji (a surrogate pair)
        return Arbitraries.strings().withChars("abcæøåÆØÅéü0123456789 .,-'()/:+@#&%!?").withChars("\uD83D\uDE00")
                .ofMaxLength(60).filter(s -> Accepted.textProblem(s, false).isEmpty());
    }
}
