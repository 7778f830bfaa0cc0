package dk.clinic.booking.appointment;

import io.quarkus.panache.common.Parameters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reception's filters on the appointment list; every one is optional. The period is in instants: from the start of
 * the first local day to the start of the day after the last.
 */
record AppointmentQuery(Instant from, Instant to, UUID practitioner, UUID room, UUID device, UUID patient,
                        AppointmentStatus status, Boolean flagged) {

    record Result(List<Appointment> page, long total) {
    }

    String where() {
        List<String> where = new ArrayList<>();
        if (from != null) {
            where.add("end > :from");
        }
        if (to != null) {
            where.add("start < :to");
        }
        for (String field : List.of("practitionerId", "roomId", "deviceId", "patientId", "status")) {
            if (value(field) != null) {
                where.add(field + " = :" + field);
            }
        }
        if (flagged != null) {
            where.add(flagged ? "flag is not null" : "flag is null");
        }
        return String.join(" and ", where);
    }

    Parameters parameters() {
        Parameters parameters = new Parameters();
        if (from != null) {
            parameters.and("from", from);
        }
        if (to != null) {
            parameters.and("to", to);
        }
        for (String field : List.of("practitionerId", "roomId", "deviceId", "patientId", "status")) {
            if (value(field) != null) {
                parameters.and(field, value(field));
            }
        }
        return parameters;
    }

    private Object value(String field) {
        return switch (field) {
            case "practitionerId" -> practitioner;
            case "roomId" -> room;
            case "deviceId" -> device;
            case "patientId" -> patient;
            case "status" -> status;
            default -> throw new IllegalArgumentException(field);
        };
    }
}
