-- The round trip with treatment-service: sessions a treatment plan asked to have booked, and which appointments
-- were booked for them. When a plan ends, its remaining appointments are flagged for the reception, not deleted.
CREATE TABLE scheduling_request (
    id                      UUID PRIMARY KEY,
    patient_id              UUID        NOT NULL,
    plan_id                 UUID        NOT NULL,
    course_id               UUID        NOT NULL,
    modality                VARCHAR(60) NOT NULL,
    sessions                INTEGER     NOT NULL CHECK (sessions BETWEEN 1 AND 50),
    interval_days           INTEGER     NOT NULL CHECK (interval_days BETWEEN 1 AND 90),
    practitioner_preference UUID,
    device_needed           BOOLEAN     NOT NULL,
    auto_book               BOOLEAN     NOT NULL,
    reason                  VARCHAR(20) NOT NULL,
    status                  VARCHAR(10) NOT NULL CHECK (status IN ('open', 'booked', 'closed')),
    series_id               UUID REFERENCES appointment_series (id),
    received_at             TIMESTAMPTZ NOT NULL,
    version                 BIGINT      NOT NULL DEFAULT 0,
    CHECK ((status = 'booked') = (series_id IS NOT NULL))
);
CREATE INDEX scheduling_request_open ON scheduling_request (received_at) WHERE status = 'open';
CREATE INDEX scheduling_request_plan ON scheduling_request (plan_id);

ALTER TABLE appointment ADD COLUMN scheduling_request_id UUID REFERENCES scheduling_request (id);
ALTER TABLE appointment ADD COLUMN plan_id UUID;
ALTER TABLE appointment ADD COLUMN course_id UUID;
ALTER TABLE appointment ADD COLUMN flag VARCHAR(20) CHECK (flag IN ('plan_closed'));
ALTER TABLE appointment ADD COLUMN flag_reason VARCHAR(500);
CREATE INDEX appointment_plan ON appointment (plan_id) WHERE plan_id IS NOT NULL;
