package dk.clinic.booking.reminder;

import dk.clinic.booking.patient.Language;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * A reminder in the patient's language. It names the time, the practitioner and the clinic, never the treatment:
 * an e-mail may be read by others, and the reason for the visit is health data.
 */
record ReminderMessage(String subject, String text) {

    private record Wording(Locale locale, String datePattern, String subject, String text) {
    }

    private static final Map<Language, Wording> WORDING = Map.of(
            Language.DA, new Wording(Locale.of("da"), "EEEE 'den' d. MMMM yyyy",
                    "Påmindelse: din tid hos {clinic} {date} kl. {time}", """
                    Kære {name}

                    Vi minder dig om din tid hos {practitioner} {date} kl. {time}.

                    Kan du ikke komme, så giv os besked hurtigst muligt, så en anden kan få tiden.

                    Venlig hilsen
                    {clinic}
                    """),
            Language.NB, new Wording(Locale.of("nb"), "EEEE d. MMMM yyyy",
                    "Påminnelse: timen din hos {clinic} {date} kl. {time}", """
                    Hei {name}

                    Vi minner deg om timen din hos {practitioner} {date} kl. {time}.

                    Hvis du ikke kan komme, gi oss beskjed så snart som mulig, slik at noen andre kan få timen.

                    Vennlig hilsen
                    {clinic}
                    """),
            Language.EN, new Wording(Locale.ENGLISH, "EEEE d MMMM yyyy",
                    "Reminder: your appointment at {clinic} on {date} at {time}", """
                    Dear {name}

                    This is a reminder of your appointment with {practitioner} on {date} at {time}.

                    If you cannot come, please let us know as soon as possible, so that someone else can have the time.

                    Kind regards
                    {clinic}
                    """));

    static ReminderMessage of(Language language, String givenName, LocalDateTime start, String practitioner,
                              String clinic) {
        Wording wording = WORDING.get(language);
        Map<String, String> values = Map.of(
                "{name}", givenName,
                "{practitioner}", practitioner,
                "{clinic}", clinic,
                "{date}", start.format(DateTimeFormatter.ofPattern(wording.datePattern(), wording.locale())),
                "{time}", start.format(DateTimeFormatter.ofPattern("HH:mm")));
        return new ReminderMessage(fill(wording.subject(), values), fill(wording.text(), values));
    }

    private static String fill(String template, Map<String, String> values) {
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace(value.getKey(), value.getValue());
        }
        return text;
    }
}
