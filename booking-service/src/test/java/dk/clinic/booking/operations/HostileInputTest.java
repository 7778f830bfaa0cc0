package dk.clinic.booking.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dk.clinic.booking.Fixtures;
import dk.clinic.testing.AdjustableClock;
import dk.clinic.testing.Tokens;
import dk.clinic.testing.hostile.HostileInputs;
import dk.clinic.testing.hostile.ServiceUnderTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of booking-service's OpenAPI document, tried with hostile input as a role it admits, on a clinic with
 * a practitioner, a room, a shockwave unit, a patient, a booked appointment, a series, a waitlist entry with an open
 * offer, an absence and a closure. See {@link HostileInputs} for what is sent and what must hold.
 */
@QuarkusTest
class HostileInputTest {

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void noHostileInputGetsAServerErrorAnAnswerWithoutProblemDetailsOrAWriteBehindAnError() throws Exception {
        Clinic clinic = Clinic.setUp();

        HostileInputs.Report report = ServiceUnderTest.of("booking-service", "booking", api, management, clinic::known,
                // checked at once after each accepted request: most have nothing to settle
                schema -> await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                        .atMost(Duration.ofSeconds(30))
                        .until(() -> schema.count("follow_up", "failed_at is null") == 0)).probe();

        assertThat(report.failures()).as("see target/hostile-input-booking-service.txt").isEmpty();
        assertThat(report.operations()).as("operations tried").isGreaterThanOrEqualTo(50);
    }

    /** The clinic the bad requests are built on: every id they name exists, every time lies in working hours. */
    private record Clinic(UUID practitioner, UUID room, UUID device, UUID type, UUID patient, UUID appointment,
                          UUID series, UUID entry, UUID offer, UUID absence, UUID closure, LocalDate day) {

        static Clinic setUp() {
            LocalDate day = AdjustableClock.today(ZoneId.of("Europe/Copenhagen")).plusDays(30);
            UUID practitioner = Fixtures.practitioner("Hostile", Fixtures.EVERY_DAY, "dry_needling", "radial_shockwave");
            UUID room = Fixtures.room("treatment");
            UUID device = Fixtures.device("radial_shockwave");
            UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, "treatment", null);
            UUID patient = Fixtures.registerPatient("Hostile", "Input");
            UUID appointment = id(Fixtures.book(patient, type, practitioner, day + "T10:00"));
            UUID series = id(given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                    .body("""
                            {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s","firstStart":"%sT10:00",
                             "count":3,"intervalDays":7}""".formatted(patient, type, practitioner, day.plusDays(1)))
                    .post("/api/series"));
            UUID entry = id(given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                    .body("""
                            {"patientId":"%s","appointmentTypeId":"%s","earliest":"%sT08:00","latest":"%sT16:00",
                             "priority":2}""".formatted(patient, type, day.plusDays(20), day.plusDays(20)))
                    .post("/api/waitlist"));
            UUID freed = id(Fixtures.book(Fixtures.registerPatient("Freed", "Time"), type, practitioner,
                    day.plusDays(20) + "T11:00"));
            given().header("Authorization", Tokens.receptionist()).header("If-Match", "\"0\"")
                    .contentType(ContentType.JSON).body("{\"by\":\"patient\",\"reason\":\"Ill\"}")
                    .post("/api/appointments/{id}/cancel", freed).then().statusCode(200);
            UUID offer = UUID.fromString(await().atMost(Duration.ofSeconds(30)).until(() -> given()
                    .header("Authorization", Tokens.receptionist()).queryParam("status", "open")
                    .get("/api/waitlist/offers").then().statusCode(200).extract().jsonPath()
                    .<String>getList("findAll { it.entryId == '%s' }.id".formatted(entry)), ids -> ids.size() == 1)
                    .getFirst());
            UUID absence = id(given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                    .body("""
                            {"practitionerId":"%s","kind":"absence","start":"%sT09:00","end":"%sT10:00","reason":"Course"}"""
                            .formatted(practitioner, day.plusDays(40), day.plusDays(40)))
                    .post("/api/availability-exceptions"));
            UUID closure = id(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                    .body("""
                            {"firstDay":"%s","lastDay":"%s","reason":"Staff day"}""".formatted(day.plusDays(50),
                            day.plusDays(50)))
                    .post("/api/closures"));
            return new Clinic(practitioner, room, device, type, patient, appointment, series, entry, offer, absence,
                    closure, day);
        }

        Optional<JsonNode> known(String name, String path) {
            Object value = switch (name) {
                case "id" -> byCollection(path);
                case "practitionerId", "practitioner" -> practitioner;
                case "patientId", "patient" -> patient;
                case "appointmentTypeId", "type" -> type;
                case "roomId", "room" -> room;
                case "device" -> device;
                case "modality" -> "dry_needling";
                case "start", "firstStart" -> day.plusDays(5) + "T10:00";
                case "end" -> day.plusDays(5) + "T11:00";
                case "earliest" -> day.plusDays(6) + "T08:00";
                case "latest" -> day.plusDays(6) + "T16:00";
                case "from", "firstDay" -> day.toString();
                case "to", "lastDay" -> day.plusDays(6).toString();
                case "fromPosition" -> 2;
                case "schedulingRequestId", "deviceId" -> NullNode.getInstance();
                default -> null;
            };
            return switch (value) {
                case null -> Optional.empty();
                case JsonNode node -> Optional.of(node);
                case Integer number -> Optional.of(IntNode.valueOf(number));
                default -> Optional.of(TextNode.valueOf(value.toString()));
            };
        }

        private UUID byCollection(String path) {
            if (path.startsWith("/api/waitlist/offers")) {
                return offer;
            }
            String collection = path.replaceFirst("^/api/([^/]+).*", "$1");
            return switch (collection) {
                case "appointments" -> appointment;
                case "series" -> series;
                case "patients" -> patient;
                case "practitioners" -> practitioner;
                case "rooms" -> room;
                case "devices" -> device;
                case "appointment-types" -> type;
                case "waitlist" -> entry;
                case "availability-exceptions" -> absence;
                case "closures" -> closure;
                default -> null;
            };
        }

        private static UUID id(io.restassured.response.Response created) {
            return UUID.fromString(created.then().statusCode(201).extract().path("id"));
        }
    }
}
