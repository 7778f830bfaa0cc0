package dk.clinic.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventContractsTest {

    private final EventContracts contracts = EventContracts.get();

    @Test
    void everyEventTypeInTheDocumentHasATopicAndASchemaWhoseExamplesHonourIt() {
        assertThat(contracts.types()).contains(
                "clinic.booking.patient.registered.v1",
                "clinic.booking.patient.changed.v1",
                "clinic.booking.appointment.booked.v1");
        for (String type : contracts.types()) {
            EventContracts.EventContract contract = contracts.contract(type);
            assertThat(contract.topic()).as(type).isNotBlank();
            var examples = contract.schema().getSchemaNode().path("examples");
            assertThat(examples.isEmpty()).as(type + " has examples").isFalse();
            examples.forEach(example ->
                    assertThat(contracts.violations(type, example.toString())).as(type).isEmpty());
        }
    }

    @Test
    void dataThatBreaksTheContractIsNamed() {
        String patientWithoutBirthDate = """
                {"patientId":"0f8fad5b-d9cb-469f-a165-70867728950e","version":1,
                 "givenName":"Karen","familyName":"Nielsen","preferredLanguage":"sv"}""";
        assertThat(contracts.violations("clinic.booking.patient.changed.v1", patientWithoutBirthDate))
                .anySatisfy(message -> assertThat(message).contains("birthDate"))
                .anySatisfy(message -> assertThat(message).contains("preferredLanguage"));
    }

    @Test
    void cloudEventHeadersAreChecked() {
        var headers = new java.util.HashMap<String, String>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", "0f8fad5b-d9cb-469f-a165-70867728950e");
        headers.put("ce_type", "clinic.booking.patient.registered.v1");
        headers.put("ce_source", "/booking-service");
        headers.put("ce_time", "2026-11-22T10:15:30Z");
        headers.put("ce_subject", "0f8fad5b-d9cb-469f-a165-70867728950e");
        headers.put("content-type", "application/json");
        assertThat(contracts.headerViolations(headers)).isEmpty();

        headers.remove("ce_id");
        assertThat(contracts.headerViolations(headers)).anySatisfy(m -> assertThat(m).contains("ce_id"));
    }

    @Test
    void anUnknownTypeIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> contracts.contract("clinic.nothing.v1"))
                .hasMessageContaining("No event type");
    }
}
