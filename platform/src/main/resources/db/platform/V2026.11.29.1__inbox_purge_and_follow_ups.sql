-- The inbox's record of processed events is purged after its retention (Housekeeping); this keeps that scan short.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

-- Follow-ups: work a change sets in motion that runs after its commit (offering freed time to the waitlist, booking a
-- plan's request automatically). The row commits in the same transaction as the change, so a crash between the commit
-- and the work loses nothing: a worker on any instance picks the row up, does the work and deletes the row in one
-- transaction. A follow-up that keeps failing is kept with failed_at set, for an operator to look at.
CREATE TABLE follow_up (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        VARCHAR(60)   NOT NULL,
    payload     JSONB         NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    due_at      TIMESTAMPTZ   NOT NULL,
    attempts    INTEGER       NOT NULL DEFAULT 0,
    last_error  VARCHAR(1000),
    failed_at   TIMESTAMPTZ,
    request_id  VARCHAR(64)
);
CREATE INDEX follow_up_due ON follow_up (due_at) WHERE failed_at IS NULL;
