-- reporting-service's read model (issue 11). Fed only by events; holds patients by id only: no names, birth dates
-- or contact details. Every table but event_log is derived and can be rebuilt from event_log (docs/reporting.md).

-- Every event the read model was built from, as received: the rebuild replays these.
CREATE TABLE event_log (
    event_id    UUID PRIMARY KEY,
    type        VARCHAR(120) NOT NULL,
    subject     VARCHAR(100) NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    arrival     BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    data        JSONB        NOT NULL
);

-- Each table keeps the newest state of one thing: an older version arriving late changes nothing.
CREATE TABLE episode (
    id                UUID PRIMARY KEY,
    patient_id        UUID        NOT NULL,
    condition         VARCHAR(40) NOT NULL,
    side              VARCHAR(5)  NOT NULL,
    red_flag_positive BOOLEAN     NOT NULL,
    referral_decision VARCHAR(10),
    status            VARCHAR(10) NOT NULL,
    opened_at         TIMESTAMPTZ NOT NULL,
    closed_at         TIMESTAMPTZ,
    version           BIGINT      NOT NULL
);
CREATE INDEX episode_opened ON episode (opened_at);

CREATE TABLE course (
    id                    UUID PRIMARY KEY,
    plan_id               UUID        NOT NULL,
    episode_id            UUID        NOT NULL,
    patient_id            UUID        NOT NULL,
    position              INTEGER     NOT NULL,
    modality              VARCHAR(60) NOT NULL,
    planned_sessions      INTEGER     NOT NULL,
    review_after_sessions INTEGER     NOT NULL,
    status                VARCHAR(20) NOT NULL,
    plan_version          INTEGER     NOT NULL
);
CREATE INDEX course_episode ON course (episode_id, position);

CREATE TABLE session (
    id              UUID PRIMARY KEY,
    patient_id      UUID        NOT NULL,
    episode_id      UUID        NOT NULL,
    course_id       UUID        NOT NULL,
    modality        VARCHAR(60) NOT NULL,
    session_number  INTEGER     NOT NULL CHECK (session_number >= 1),
    appointment_id  UUID,
    delivered_at    TIMESTAMPTZ NOT NULL,
    first_step_pain SMALLINT CHECK (first_step_pain BETWEEN 0 AND 10),
    version         BIGINT      NOT NULL
);
CREATE INDEX session_episode ON session (episode_id, delivered_at);
CREATE INDEX session_appointment ON session (appointment_id);

CREATE TABLE outcome_score (
    measurement_id UUID         NOT NULL,
    scale          VARCHAR(40)  NOT NULL,
    patient_id     UUID         NOT NULL,
    episode_id     UUID         NOT NULL,
    instrument     VARCHAR(40)  NOT NULL,
    timepoint      VARCHAR(20)  NOT NULL,
    measured_on    DATE         NOT NULL,
    value          NUMERIC(5, 1) NOT NULL,
    better_is      VARCHAR(6)   NOT NULL CHECK (better_is IN ('lower', 'higher')),
    mcic           NUMERIC(5, 1),
    PRIMARY KEY (measurement_id, scale)
);
CREATE INDEX outcome_episode ON outcome_score (episode_id, scale, measured_on);

CREATE TABLE review_decision (
    id                 UUID PRIMARY KEY,
    plan_id            UUID        NOT NULL,
    episode_id         UUID        NOT NULL,
    patient_id         UUID        NOT NULL,
    course_id          UUID        NOT NULL,
    modality           VARCHAR(60) NOT NULL,
    sessions_delivered INTEGER     NOT NULL,
    decision           VARCHAR(20) NOT NULL,
    new_modality       VARCHAR(60),
    decided_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX review_decision_episode ON review_decision (episode_id);

CREATE TABLE appointment (
    id              UUID PRIMARY KEY,
    patient_id      UUID        NOT NULL,
    practitioner_id UUID        NOT NULL,
    modality        VARCHAR(60) NOT NULL,
    plan_id         UUID,
    course_id       UUID,
    starts_at       TIMESTAMPTZ NOT NULL,
    ends_at         TIMESTAMPTZ NOT NULL,
    status          VARCHAR(20) NOT NULL,
    cancelled_by    VARCHAR(10),
    late            BOOLEAN     NOT NULL DEFAULT FALSE,
    version         BIGINT      NOT NULL
);
CREATE INDEX appointment_starts ON appointment (starts_at);
