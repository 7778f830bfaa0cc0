-- The relay wakes when an event commits (issue 13): every statement that inserts into the outbox notifies the channel
-- '<schema>.event_outbox'. PostgreSQL delivers a notification only when its transaction commits, and folds the
-- notifications of one transaction into one, so listeners hear of each committed batch of events once, and never of
-- one rolled back. The relay's periodic round stays as the safety net for a listener whose connection dropped.
CREATE FUNCTION event_outbox_notify() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify(TG_TABLE_SCHEMA || '.event_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER event_outbox_committed
    AFTER INSERT ON event_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION event_outbox_notify();
