-- Plans treatment-service has closed. Scheduling requests and plan events travel on different topics, so a plan's
-- closing can arrive before one of its requests; such a request is stored closed, never open or booked automatically.
CREATE TABLE closed_plan (
    plan_id   UUID PRIMARY KEY,
    status    VARCHAR(20) NOT NULL,
    closed_at TIMESTAMPTZ NOT NULL
);
