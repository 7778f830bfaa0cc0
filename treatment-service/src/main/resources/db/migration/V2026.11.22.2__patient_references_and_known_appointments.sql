-- What treatment-service knows of booking-service's patients: enough to recognise them, kept current by events.
-- version is booking's version of the patient; an older event never overwrites a newer state.
CREATE TABLE patient_reference (
    patient_id         UUID PRIMARY KEY,
    given_name         VARCHAR(100) NOT NULL,
    family_name        VARCHAR(100) NOT NULL,
    birth_date         DATE         NOT NULL,
    preferred_language VARCHAR(2)   NOT NULL,
    version            BIGINT       NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);

-- Appointments booked in booking-service, as far as treatment needs them.
CREATE TABLE known_appointment (
    appointment_id  UUID PRIMARY KEY,
    patient_id      UUID        NOT NULL,
    practitioner_id UUID        NOT NULL,
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,
    status          VARCHAR(20) NOT NULL,
    version         BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX known_appointment_patient ON known_appointment (patient_id, starts_at);
