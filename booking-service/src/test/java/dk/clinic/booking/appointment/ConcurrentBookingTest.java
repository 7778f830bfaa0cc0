package dk.clinic.booking.appointment;

import dk.clinic.booking.Fixtures;
import dk.clinic.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dk.clinic.booking.Fixtures.WEEKDAYS_8_TO_16;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ConcurrentBookingTest {

    private static final int REQUESTS = 50;

    @Test
    void fiftyReceptionistsBookingOnePractitionerAtOneTimeGetExactlyOneAppointment() throws Exception {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Popular", WEEKDAYS_8_TO_16, "dry_needling");
        List<UUID> patients = patients();

        List<Response> answers = all(i -> Fixtures.book(patients.get(i), type, practitioner, "2027-03-01T10:00"));

        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).hasSize(REQUESTS - 1)
                .allSatisfy(r -> assertThat(r.jsonPath().getString("resource.kind")).isEqualTo("practitioner"));
        assertThat(activeReservations(practitioner)).isEqualTo(1);
    }

    @Test
    void oneShockwaveUnitWantedByTwoPractitionersAtOnceGoesToExactlyOneOfThem() throws Exception {
        String deviceKind = Fixtures.code("shockwave");
        UUID device = Fixtures.device(deviceKind);
        UUID type = Fixtures.appointmentType("radial_shockwave", 20, 0, 10, null, deviceKind);
        UUID mette = Fixtures.practitioner("Mette", WEEKDAYS_8_TO_16, "radial_shockwave");
        UUID ole = Fixtures.practitioner("Ole", WEEKDAYS_8_TO_16, "radial_shockwave");
        List<UUID> patients = patients();

        List<Response> answers = all(i -> Fixtures.book(patients.get(i), type, i % 2 == 0 ? mette : ole,
                "2027-03-01T11:00"));

        assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).hasSize(REQUESTS - 1);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409)
                .anySatisfy(r -> assertThat(r.jsonPath().getString("resource.kind")).isEqualTo("device"));
        assertThat(activeReservations(device)).isEqualTo(1);
        assertThat(activeReservations(mette) + activeReservations(ole)).isEqualTo(1);
    }

    private static List<UUID> patients() {
        List<UUID> patients = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            patients.add(Fixtures.registerPatient("Patient" + i, "Concurrent"));
        }
        return patients;
    }

    private interface Request {
        Response send(int i);
    }

    /** Sends all requests at once: every thread waits at the gate until all are ready. */
    private static List<Response> all(Request request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                int n = i;
                Callable<Response> call = () -> {
                    gate.await();
                    return request.send(n);
                };
                futures.add(threads.submit(call));
            }
            gate.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    private static int activeReservations(UUID resource) throws Exception {
        var database = TestInfrastructure.get().database();
        try (Connection connection = DriverManager.getConnection(database.adminJdbcUrl(), database.adminUser(),
                database.adminPassword());
             var statement = connection.prepareStatement(
                     "select count(*) from booking.reservation where resource_id = ? and active")) {
            statement.setObject(1, resource);
            ResultSet result = statement.executeQuery();
            result.next();
            return result.getInt(1);
        }
    }
}
