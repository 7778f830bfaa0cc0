-- Outcome measures taken in an episode: the raw answers as given, and the computed score of each scale
-- (e.g. FAAM gives faam_adl and faam_sports). Scoring rules: docs/outcome-measures.md.
CREATE TABLE outcome_measurement (
    id          UUID PRIMARY KEY,
    episode_id  UUID         NOT NULL REFERENCES episode_of_care (id),
    instrument  VARCHAR(40)  NOT NULL,
    timepoint   VARCHAR(20)  NOT NULL CHECK (timepoint ~ '^(baseline|week_[0-9]{1,2}|discharge|extra)$'),
    measured_on DATE         NOT NULL,
    answers     JSONB        NOT NULL,
    recorded_by VARCHAR(100) NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX outcome_episode ON outcome_measurement (episode_id, measured_on);
-- one baseline per instrument and episode: change is always measured from it
CREATE UNIQUE INDEX outcome_one_baseline ON outcome_measurement (episode_id, instrument) WHERE timepoint = 'baseline';

CREATE TABLE outcome_score (
    measurement_id UUID         NOT NULL REFERENCES outcome_measurement (id) ON DELETE CASCADE,
    scale          VARCHAR(40)  NOT NULL,
    value          NUMERIC(5, 1) NOT NULL CHECK (value >= 0),
    answered       INTEGER      NOT NULL CHECK (answered >= 1),
    items          INTEGER      NOT NULL CHECK (items >= answered),
    PRIMARY KEY (measurement_id, scale)
);
