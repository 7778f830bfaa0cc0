-- booking-service's schema: the clinic, its bookable resources, when they are available, and appointments that hold
-- them. Overlaps are impossible by construction: every appointment holds each of its resources through a row in
-- `reservation`, and an exclusion constraint refuses two active reservations of one resource that overlap in time.

-- The clinic itself (one row): its time zone and policies.
CREATE TABLE clinic (
    id                             SMALLINT PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    name                           VARCHAR(200) NOT NULL,
    time_zone                      VARCHAR(64)  NOT NULL,
    late_cancellation_notice_hours INTEGER      NOT NULL CHECK (late_cancellation_notice_hours BETWEEN 0 AND 168),
    reminder_lead_hours            INTEGER      NOT NULL CHECK (reminder_lead_hours BETWEEN 1 AND 336),
    waitlist_offer_minutes         INTEGER      NOT NULL CHECK (waitlist_offer_minutes BETWEEN 5 AND 10080),
    slot_step_minutes              INTEGER      NOT NULL CHECK (slot_step_minutes IN (5, 10, 15, 20, 30, 60)),
    version                        BIGINT       NOT NULL DEFAULT 0
);
INSERT INTO clinic (name, time_zone, late_cancellation_notice_hours, reminder_lead_hours, waitlist_offer_minutes,
                    slot_step_minutes)
VALUES ('Klinikken', 'Europe/Copenhagen', 24, 24, 120, 15);

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

-- Everything an appointment can hold: practitioners, rooms and devices (e.g. a radial shockwave unit).
CREATE TABLE resource (
    id          UUID PRIMARY KEY,
    kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('practitioner', 'room', 'device')),
    name        VARCHAR(200) NOT NULL,
    profession  VARCHAR(40) CHECK (profession IN ('physiotherapist', 'osteopath', 'chiropractor')),
    room_kind   VARCHAR(60),
    device_kind VARCHAR(60),
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    version     BIGINT       NOT NULL DEFAULT 0,
    UNIQUE (kind, name),
    CHECK ((kind = 'practitioner') = (profession IS NOT NULL)),
    CHECK ((kind = 'room') = (room_kind IS NOT NULL)),
    CHECK ((kind = 'device') = (device_kind IS NOT NULL))
);

-- The modalities a practitioner may deliver (e.g. only certified practitioners do dry needling).
CREATE TABLE practitioner_modality (
    practitioner_id UUID        NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    modality        VARCHAR(60) NOT NULL,
    PRIMARY KEY (practitioner_id, modality)
);

CREATE TABLE appointment_type (
    id                    UUID PRIMARY KEY,
    code                  VARCHAR(60)  NOT NULL UNIQUE,
    name_da               VARCHAR(200) NOT NULL,
    name_nb               VARCHAR(200) NOT NULL,
    name_en               VARCHAR(200) NOT NULL,
    duration_minutes      INTEGER      NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    buffer_before_minutes INTEGER      NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 120),
    buffer_after_minutes  INTEGER      NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 120),
    modality              VARCHAR(60)  NOT NULL,
    room_kind             VARCHAR(60),
    device_kind           VARCHAR(60),
    active                BOOLEAN      NOT NULL DEFAULT TRUE,
    version               BIGINT       NOT NULL DEFAULT 0
);

-- Weekly working hours in the clinic's local time; breaks are cut out of them.
CREATE TABLE weekly_hours (
    practitioner_id UUID     NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    weekday         SMALLINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts          TIME     NOT NULL,
    ends            TIME     NOT NULL,
    CHECK (ends > starts),
    PRIMARY KEY (practitioner_id, weekday, starts)
);
CREATE TABLE weekly_break (
    practitioner_id UUID     NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    weekday         SMALLINT NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    starts          TIME     NOT NULL,
    ends            TIME     NOT NULL,
    CHECK (ends > starts),
    PRIMARY KEY (practitioner_id, weekday, starts)
);

-- Dated exceptions: an absence takes time away, extra hours add it. Entered in local time, stored as instants.
CREATE TABLE availability_exception (
    id              UUID PRIMARY KEY,
    practitioner_id UUID         NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    kind            VARCHAR(10)  NOT NULL CHECK (kind IN ('absence', 'extra')),
    starts_at       TIMESTAMPTZ  NOT NULL,
    ends_at         TIMESTAMPTZ  NOT NULL,
    reason          VARCHAR(200),
    CHECK (ends_at > starts_at)
);
CREATE INDEX availability_exception_practitioner ON availability_exception (practitioner_id, starts_at);

-- Whole local days the clinic is closed (public holidays, staff days).
CREATE TABLE clinic_closure (
    id        UUID PRIMARY KEY,
    first_day DATE         NOT NULL,
    last_day  DATE         NOT NULL,
    reason    VARCHAR(200) NOT NULL,
    CHECK (last_day >= first_day)
);

CREATE TABLE appointment_series (
    id                  UUID PRIMARY KEY,
    patient_id          UUID        NOT NULL REFERENCES patient (id),
    appointment_type_id UUID        NOT NULL REFERENCES appointment_type (id),
    practitioner_id     UUID        NOT NULL REFERENCES resource (id),
    interval_days       INTEGER     NOT NULL CHECK (interval_days BETWEEN 1 AND 90),
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          VARCHAR(100) NOT NULL
);

CREATE TABLE appointment (
    id                  UUID PRIMARY KEY,
    patient_id          UUID         NOT NULL REFERENCES patient (id),
    appointment_type_id UUID         NOT NULL REFERENCES appointment_type (id),
    practitioner_id     UUID         NOT NULL REFERENCES resource (id),
    room_id             UUID REFERENCES resource (id),
    device_id           UUID REFERENCES resource (id),
    series_id           UUID REFERENCES appointment_series (id),
    series_position     INTEGER CHECK (series_position >= 1),
    starts_at           TIMESTAMPTZ  NOT NULL,
    ends_at             TIMESTAMPTZ  NOT NULL,
    status              VARCHAR(20)  NOT NULL
        CHECK (status IN ('booked', 'arrived', 'fulfilled', 'cancelled', 'noshow')),
    cancellation_reason VARCHAR(500),
    cancelled_by        VARCHAR(10) CHECK (cancelled_by IN ('patient', 'clinic')),
    late_cancellation   BOOLEAN,
    note                VARCHAR(1000),
    reminder_sent_at    TIMESTAMPTZ,
    version             BIGINT       NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ  NOT NULL,
    created_by          VARCHAR(100) NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    updated_by          VARCHAR(100) NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK ((series_id IS NULL) = (series_position IS NULL)),
    CHECK ((status = 'cancelled') = (cancelled_by IS NOT NULL)),
    UNIQUE (series_id, series_position)
);
CREATE INDEX appointment_patient ON appointment (patient_id, starts_at);
CREATE INDEX appointment_practitioner ON appointment (practitioner_id, starts_at);
CREATE INDEX appointment_starts ON appointment (starts_at);

-- What an appointment holds, buffers included. A cancelled or missed appointment releases its reservations.
-- The reference to the appointment is checked at commit, so a booking holds its resources before it writes the
-- appointment row (which then records the room and device it got, in one insert).
CREATE TABLE reservation (
    appointment_id UUID      NOT NULL REFERENCES appointment (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    resource_id    UUID      NOT NULL REFERENCES resource (id),
    during         TSTZRANGE NOT NULL CHECK (NOT isempty(during)),
    active         BOOLEAN   NOT NULL DEFAULT TRUE,
    PRIMARY KEY (appointment_id, resource_id),
    CONSTRAINT reservation_no_overlap EXCLUDE USING gist (resource_id WITH =, during WITH &&) WHERE (active)
);

-- Who changed what and when, per appointment.
CREATE TABLE appointment_history (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    appointment_id UUID         NOT NULL REFERENCES appointment (id) ON DELETE CASCADE,
    at             TIMESTAMPTZ  NOT NULL,
    by_user        VARCHAR(100) NOT NULL,
    action         VARCHAR(40)  NOT NULL,
    details        JSONB        NOT NULL
);
CREATE INDEX appointment_history_appointment ON appointment_history (appointment_id, id);
