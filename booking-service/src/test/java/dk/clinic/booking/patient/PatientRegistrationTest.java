package dk.clinic.booking.patient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.booking.Fixtures;
import dk.clinic.contracts.EventContracts;
import dk.clinic.contracts.Topic;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dk.clinic.testing.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PatientRegistrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRegisteredPatientBecomesOneEventThatHonoursTheContract() throws Exception {
        String location = given().header("Authorization", Tokens.receptionist())
                .contentType(ContentType.JSON).body(Fixtures.patientJson("Karen", "Nielsen"))
                .post("/api/patients")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("givenName", equalTo("Karen"))
                .body("preferredLanguage", equalTo("da"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.await(Topic.BOOKING_PATIENTS,
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        ConsumerRecord<String, String> record = records.getFirst();
        assertThat(header(record, "ce_type")).isEqualTo("clinic.booking.patient.registered.v1");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(header(record, "ce_source")).isEqualTo("/booking-service");
        assertThat(EventContracts.get().headerViolations(KafkaTestClient.cloudEventHeaders(record))).isEmpty();
        assertThat(EventContracts.get().violations(header(record, "ce_type"), record.value())).isEmpty();
        JsonNode data = JSON.readTree(record.value());
        assertThat(data.path("familyName").asText()).isEqualTo("Nielsen");
        assertThat(data.has("email")).as("contact details stay in booking-service").isFalse();
        assertThat(data.has("phone")).isFalse();

        List<ConsumerRecord<String, String>> all = KafkaTestClient.readAll(Topic.BOOKING_PATIENTS,
                r -> id.equals(r.key()));
        assertThat(all).as("published exactly once").hasSize(1);
    }

    @Test
    void aCorrectionNeedsTheCurrentVersionAndPublishesTheNewState() throws Exception {
        UUID id = Fixtures.registerPatient("Ole", "Hansen");
        String corrected = Fixtures.patientJson("Ole", "Hansen-Berg");

        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON).body(corrected)
                .put("/api/patients/{id}", id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("errors.field", hasItem("If-Match"));
        given().header("Authorization", Tokens.receptionist()).header("If-Match", "\"7\"")
                .contentType(ContentType.JSON).body(corrected)
                .put("/api/patients/{id}", id)
                .then().statusCode(412).body("currentVersion", equalTo(0));
        given().header("Authorization", Tokens.receptionist()).get("/api/patients/{id}", id)
                .then().statusCode(200).body("familyName", equalTo("Hansen"));

        given().header("Authorization", Tokens.receptionist()).header("If-Match", "\"0\"")
                .contentType(ContentType.JSON).body(corrected)
                .put("/api/patients/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"").body("familyName", equalTo("Hansen-Berg"));

        List<ConsumerRecord<String, String>> records = KafkaTestClient.await(Topic.BOOKING_PATIENTS,
                r -> id.toString().equals(r.key()), 2, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> header(r, "ce_type"))
                .containsExactly("clinic.booking.patient.registered.v1", "clinic.booking.patient.changed.v1");
        JsonNode changed = JSON.readTree(records.get(1).value());
        assertThat(changed.path("version").asLong()).isEqualTo(1);
        assertThat(changed.path("familyName").asText()).isEqualTo("Hansen-Berg");
    }

    @Test
    void aChangeMustNameTheVersionItRead() {
        String id = given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body(Fixtures.patientJson("Ib", "Star")).post("/api/patients").then().statusCode(201)
                .extract().path("id");
        String changed = Fixtures.patientJson("Ib", "Overwritten");

        // "whatever is there" would overwrite a colleague's correction unseen: If-Match must be the ETag read
        given().header("Authorization", Tokens.receptionist()).header("If-Match", "*").contentType(ContentType.JSON)
                .body(changed).put("/api/patients/{id}", id)
                .then().statusCode(428).body("errors[0].field", equalTo("If-Match"));
        given().header("Authorization", Tokens.receptionist()).get("/api/patients/{id}", id)
                .then().statusCode(200).body("familyName", equalTo("Star")).header("ETag", "\"0\"");
    }

    @Test
    void badInputIsRefusedFieldByFieldAndWritesNothing() {
        String before = given().header("Authorization", Tokens.receptionist())
                .get("/api/patients?name=Zzyzx").then().statusCode(200).extract().asString();

        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body("""
                        {"givenName":"","familyName":"Zzyzx","birthDate":"2099-01-01","email":"not-an-address",
                         "preferredLanguage":"da"}""")
                .post("/api/patients")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("requestId", notNullValue())
                .body("errors.field", hasItem("givenName"))
                .body("errors.field", hasItem("birthDate"))
                .body("errors.field", hasItem("email"));

        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body("""
                        {"givenName":"Per","familyName":"Zzyzx","birthDate":"1980-02-30","preferredLanguage":"da"}""")
                .post("/api/patients")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("birthDate"));

        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body("""
                        {"givenName":"Per","familyName":"Zzyzx","birthDate":"1980-02-03","preferredLanguage":"sv"}""")
                .post("/api/patients")
                .then().statusCode(400).body("errors[0].field", equalTo("preferredLanguage"));

        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body("{\"givenName\": \"Per\", ")
                .post("/api/patients")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));

        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body("""
                        {"givenName":"Per","familyName":"Zzyzx","birthDate":"1980-02-03","preferredLanguage":"da",
                         "favouriteColour":"blue"}""")
                .post("/api/patients")
                .then().statusCode(400).body("errors[0].field", equalTo("favouriteColour"));

        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .post("/api/patients")
                .then().statusCode(400).body("errors[0].field", equalTo("body"));

        given().header("Authorization", Tokens.receptionist())
                .get("/api/patients?size=1000")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));

        given().header("Authorization", Tokens.receptionist())
                .get("/api/patients/not-a-uuid")
                .then().statusCode(404);

        given().header("Authorization", Tokens.receptionist())
                .get("/api/patients/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");

        String after = given().header("Authorization", Tokens.receptionist())
                .get("/api/patients?name=Zzyzx").then().statusCode(200).extract().asString();
        assertThat(after).isEqualTo(before).isEqualTo("[]");
    }

    @Test
    void anOversizedBodyIsRefused() {
        String huge = Fixtures.patientJson("Karen", "x".repeat(300_000));
        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON).body(huge)
                .post("/api/patients")
                .then().statusCode(413);
    }
}
