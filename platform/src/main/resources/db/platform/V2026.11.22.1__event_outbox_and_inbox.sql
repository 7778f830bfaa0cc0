-- The platform's tables, created in the migrating service's own schema.
-- Migration versions are dates (yyyy.mm.dd.n) across db/platform and each service's db/migration,
-- so platform and service migrations interleave in the order they were written.

-- Transactional outbox: an event row commits in the same transaction as the change it describes.
-- The relay publishes rows in position order and stamps published_at only after the broker acknowledged.
CREATE TABLE event_outbox (
    position     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(200) NOT NULL,
    message_key  VARCHAR(200) NOT NULL,
    event_type   VARCHAR(200) NOT NULL,
    subject      VARCHAR(200) NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    payload      JSONB        NOT NULL,
    published_at TIMESTAMPTZ,
    attempts     INTEGER      NOT NULL DEFAULT 0,
    last_error   VARCHAR(1000)
);
CREATE INDEX event_outbox_pending ON event_outbox (position) WHERE published_at IS NULL;
CREATE INDEX event_outbox_published ON event_outbox (published_at) WHERE published_at IS NOT NULL;

-- Idempotent consumer: the id of every processed event is recorded in the same transaction as its effect,
-- so a redelivered event finds its id here and changes nothing.
CREATE TABLE processed_event (
    event_id     UUID         NOT NULL,
    consumer     VARCHAR(100) NOT NULL,
    event_type   VARCHAR(200) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);
