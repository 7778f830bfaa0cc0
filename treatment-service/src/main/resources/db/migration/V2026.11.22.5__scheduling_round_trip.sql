-- The round trip with booking-service: what treatment asked to be booked, and which booked appointments deliver
-- which course (from booking's appointment events).
ALTER TABLE course ADD COLUMN auto_book BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE course ADD COLUMN replace_missed BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE scheduling_request (
    id           UUID PRIMARY KEY,
    course_id    UUID        NOT NULL REFERENCES course (id),
    sessions     INTEGER     NOT NULL CHECK (sessions BETWEEN 1 AND 50),
    reason       VARCHAR(20) NOT NULL CHECK (reason IN ('course_created', 'course_extended', 'replacement')),
    requested_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX scheduling_request_course ON scheduling_request (course_id);

-- booking's version of the appointment guards against older events arriving late
CREATE TABLE course_appointment (
    appointment_id        UUID PRIMARY KEY,
    course_id             UUID        NOT NULL REFERENCES course (id),
    scheduling_request_id UUID,
    starts_at             TIMESTAMPTZ NOT NULL,
    status                VARCHAR(20) NOT NULL,
    version               BIGINT      NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX course_appointment_course ON course_appointment (course_id, starts_at);
