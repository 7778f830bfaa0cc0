-- What the episode reports need per episode, kept beside the facts so a report reads one row per episode instead of
-- working through every session and score (the benchmark's 50,000 episodes took over a second per report without).
-- Each is recomputed from the facts of its episode whenever one of them changes, and for all episodes after a
-- rebuild, so they never depend on the order events arrive in.

-- The modality of the plan's first course: what the patient started with ('no_plan' without a plan).
ALTER TABLE episode ADD COLUMN initial_modality VARCHAR(60) NOT NULL DEFAULT 'no_plan';
CREATE INDEX episode_initial ON episode (initial_modality, opened_at);

-- Per episode and scale: the baseline score and the latest follow-up.
CREATE TABLE episode_scale (
    episode_id UUID         NOT NULL,
    scale      VARCHAR(40)  NOT NULL,
    baseline   NUMERIC(5, 1),
    better_is  VARCHAR(6),
    mcic       NUMERIC(5, 1),
    latest     NUMERIC(5, 1),
    PRIMARY KEY (scale, episode_id)
);

-- Per episode: how many sessions were delivered, and the first (in order of delivery) whose first-step pain met
-- each definition against the NRS baseline (null while none has).
CREATE TABLE episode_response (
    episode_id      UUID PRIMARY KEY,
    sessions        INTEGER NOT NULL,
    nrs_baseline    NUMERIC(5, 1),
    mcic_at         INTEGER,
    pain50_at       INTEGER
);

-- Which practitioners delivered a session of the episode.
CREATE TABLE episode_practitioner (
    episode_id      UUID NOT NULL,
    practitioner_id UUID NOT NULL,
    PRIMARY KEY (practitioner_id, episode_id)
);
