CREATE TABLE patient (
    id                 UUID PRIMARY KEY,
    given_name         VARCHAR(100) NOT NULL,
    family_name        VARCHAR(100) NOT NULL,
    birth_date         DATE         NOT NULL,
    email              VARCHAR(254),
    phone              VARCHAR(32),
    preferred_language VARCHAR(2)   NOT NULL CHECK (preferred_language IN ('da', 'nb', 'en')),
    reminder_consent   BOOLEAN      NOT NULL DEFAULT FALSE,
    version            BIGINT       NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX patient_name ON patient (lower(family_name), lower(given_name));

CREATE TABLE practitioner (
    id         UUID PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    profession VARCHAR(40)  NOT NULL CHECK (profession IN ('physiotherapist', 'osteopath', 'chiropractor')),
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    version    BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE appointment (
    id              UUID PRIMARY KEY,
    patient_id      UUID        NOT NULL REFERENCES patient (id),
    practitioner_id UUID        NOT NULL REFERENCES practitioner (id),
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,
    status          VARCHAR(20) NOT NULL CHECK (status IN ('booked', 'arrived', 'fulfilled', 'cancelled', 'noshow')),
    version         BIGINT      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at),
    -- A practitioner is never in two appointments at once: PostgreSQL refuses the second one,
    -- whatever the number of concurrent requests or service instances.
    CONSTRAINT appointment_practitioner_free EXCLUDE USING gist (
        practitioner_id WITH =,
        tstzrange(starts_at, ends_at) WITH &&
    ) WHERE (status IN ('booked', 'arrived', 'fulfilled'))
);
CREATE INDEX appointment_patient ON appointment (patient_id, starts_at);
