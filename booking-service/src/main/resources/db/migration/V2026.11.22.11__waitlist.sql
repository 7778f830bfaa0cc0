-- The waitlist: patients who want an appointment type sooner, within a window of time, with a priority. When time
-- frees up, the most urgent matching entry gets an offer that expires. An offer holds nothing: accepting it books
-- the appointment through the usual reservations, so the exclusion constraint still decides.

CREATE TABLE waitlist_entry (
    id                  UUID PRIMARY KEY,
    patient_id          UUID         NOT NULL REFERENCES patient (id),
    appointment_type_id UUID         NOT NULL REFERENCES appointment_type (id),
    -- NULL: any practitioner who delivers the type
    practitioner_id     UUID REFERENCES resource (id),
    -- the appointment may start at earliest, and must start before latest
    earliest            TIMESTAMPTZ  NOT NULL,
    latest              TIMESTAMPTZ  NOT NULL,
    -- 1 = most urgent, 5 = whenever it suits
    priority            SMALLINT     NOT NULL CHECK (priority BETWEEN 1 AND 5),
    status              VARCHAR(10)  NOT NULL CHECK (status IN ('waiting', 'offered', 'booked', 'withdrawn')),
    created_at          TIMESTAMPTZ  NOT NULL,
    created_by          VARCHAR(100) NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    CHECK (latest > earliest)
);
-- Freed time looks for waiting entries of its type, most urgent and longest waiting first.
CREATE INDEX waitlist_entry_waiting ON waitlist_entry (appointment_type_id, priority, created_at)
    WHERE status = 'waiting';
CREATE INDEX waitlist_entry_patient ON waitlist_entry (patient_id);

CREATE TABLE waitlist_offer (
    id              UUID PRIMARY KEY,
    entry_id        UUID        NOT NULL REFERENCES waitlist_entry (id),
    practitioner_id UUID        NOT NULL REFERENCES resource (id),
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    status          VARCHAR(10) NOT NULL CHECK (status IN ('open', 'accepted', 'expired', 'declined')),
    appointment_id  UUID REFERENCES appointment (id),
    created_at      TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at),
    -- an offer cannot outlive the time it offers
    CHECK (expires_at <= starts_at),
    CHECK ((status = 'accepted') = (appointment_id IS NOT NULL))
);
-- An entry has at most one open offer, however many instances offer at once.
CREATE UNIQUE INDEX waitlist_offer_one_open ON waitlist_offer (entry_id) WHERE status = 'open';
-- Which offers an entry had: the same time is not offered twice to one patient.
CREATE INDEX waitlist_offer_entry ON waitlist_offer (entry_id, starts_at);
-- The expiry job's scan.
CREATE INDEX waitlist_offer_open_expiry ON waitlist_offer (expires_at) WHERE status = 'open';
