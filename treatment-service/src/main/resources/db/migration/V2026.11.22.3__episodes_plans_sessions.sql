-- treatment-service's clinical record: episodes of care, versioned treatment plans with modality courses, session
-- records, review decisions and outcome measurements. Patients are referred to by booking's patient id only
-- (no foreign key across services); patient_reference holds what treatment knows of them.

-- The clinic's catalogue of modalities, with the defaults a new course starts from and the parameters a session
-- of that modality may record (name -> {type, min, max, default, unit}). The clinic can edit it.
CREATE TABLE modality (
    code                  VARCHAR(60)  PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,59}$'),
    name_da               VARCHAR(200) NOT NULL,
    name_nb               VARCHAR(200) NOT NULL,
    name_en               VARCHAR(200) NOT NULL,
    default_sessions      INTEGER CHECK (default_sessions BETWEEN 1 AND 50),
    default_interval_days INTEGER CHECK (default_interval_days BETWEEN 1 AND 90),
    review_after_sessions INTEGER CHECK (review_after_sessions BETWEEN 1 AND 50),
    needs_device          BOOLEAN      NOT NULL DEFAULT FALSE,
    is_referral           BOOLEAN      NOT NULL DEFAULT FALSE,
    parameters            JSONB        NOT NULL DEFAULT '{}',
    active                BOOLEAN      NOT NULL DEFAULT TRUE,
    version               BIGINT       NOT NULL DEFAULT 0
);

INSERT INTO modality (code, name_da, name_nb, name_en, default_sessions, default_interval_days, review_after_sessions,
                      needs_device, is_referral, parameters) VALUES
('dry_needling', 'Dry needling', 'Dry needling', 'Dry needling', 4, 7, 4, FALSE, FALSE,
 '{"muscles": {"type": "list"}, "points": {"type": "integer", "min": 1, "max": 50},
   "twitchResponses": {"type": "integer", "min": 0, "max": 50}}'),
('radial_shockwave', 'Radial trykbølgebehandling', 'Radial trykkbølgebehandling', 'Radial shockwave', 3, 7, 3, TRUE, FALSE,
 '{"impulses": {"type": "integer", "min": 100, "max": 6000, "default": 2000},
   "frequencyHz": {"type": "number", "min": 1, "max": 25, "default": 10},
   "energyMjPerMm2": {"type": "number", "min": 0.01, "max": 0.6},
   "barPressure": {"type": "number", "min": 0.5, "max": 5},
   "applicator": {"type": "text"}}'),
('focused_shockwave', 'Fokuseret trykbølgebehandling', 'Fokusert trykkbølgebehandling', 'Focused shockwave', 3, 7, 3, TRUE, FALSE,
 '{"impulses": {"type": "integer", "min": 100, "max": 6000, "default": 2000},
   "frequencyHz": {"type": "number", "min": 1, "max": 25, "default": 4},
   "energyMjPerMm2": {"type": "number", "min": 0.01, "max": 0.6},
   "applicator": {"type": "text"}}'),
('osteopathy', 'Osteopatisk behandling', 'Osteopatisk behandling', 'Osteopathic treatment', 4, 7, 3, FALSE, FALSE,
 '{"regions": {"type": "list"}, "mobilityFindings": {"type": "text"}}'),
('manual_therapy', 'Manuel behandling', 'Manuell behandling', 'Manual therapy', 4, 7, 4, FALSE, FALSE,
 '{"regions": {"type": "list"}, "techniques": {"type": "list"}}'),
('exercise_programme', 'Træningsprogram', 'Treningsprogram', 'Exercise programme', 6, 14, 3, FALSE, FALSE,
 '{"exercises": {"type": "list"}}'),
('taping', 'Tapening', 'Taping', 'Taping', 3, 7, 3, FALSE, FALSE, '{"technique": {"type": "text"}}'),
('insoles_orthoses', 'Indlæg og ortoser', 'Innleggssåler og ortoser', 'Insoles and orthoses', 1, 28, 1, FALSE, FALSE,
 '{"product": {"type": "text"}}'),
('laser', 'Laser', 'Laser', 'Laser', 6, 3, 6, TRUE, FALSE,
 '{"dosisJPerCm2": {"type": "number", "min": 0.1, "max": 50}}'),
('ultrasound', 'Ultralyd', 'Ultralyd', 'Ultrasound', 6, 3, 6, TRUE, FALSE,
 '{"intensityWPerCm2": {"type": "number", "min": 0.1, "max": 3}, "minutes": {"type": "integer", "min": 1, "max": 30}}'),
('iontophoresis', 'Iontoforese', 'Iontoforese', 'Iontophoresis', 6, 3, 6, TRUE, FALSE,
 '{"drug": {"type": "text"}, "milliAmpMinutes": {"type": "number", "min": 1, "max": 80}}'),
('cryotherapy', 'Kuldebehandling', 'Kuldebehandling', 'Cryotherapy', 6, 2, 6, FALSE, FALSE,
 '{"minutes": {"type": "integer", "min": 1, "max": 30}}'),
('referral_physician', 'Henvisning til læge', 'Henvisning til lege', 'Referral to a physician', NULL, NULL, NULL, FALSE, TRUE,
 '{}'),
('referral_orthopaedist', 'Henvisning til ortopædkirurg', 'Henvisning til ortoped', 'Referral to an orthopaedist', NULL, NULL, NULL, FALSE, TRUE,
 '{}');

-- One episode per patient and condition: what brought them, their load, and the red-flag screen.
CREATE TABLE episode_of_care (
    id                        UUID PRIMARY KEY,
    patient_id                UUID         NOT NULL,
    condition                 VARCHAR(40)  NOT NULL
        CHECK (condition IN ('plantar_heel_pain', 'achilles_tendinopathy', 'other')),
    condition_note            VARCHAR(500),
    side                      VARCHAR(5)   NOT NULL CHECK (side IN ('left', 'right', 'both')),
    symptom_weeks             INTEGER CHECK (symptom_weeks BETWEEN 0 AND 2600),
    weight_kg                 NUMERIC(5, 1) CHECK (weight_kg BETWEEN 20 AND 400),
    runs                      BOOLEAN      NOT NULL DEFAULT FALSE,
    standing_work             BOOLEAN      NOT NULL DEFAULT FALSE,
    footwear                  VARCHAR(200),
    referral_source           VARCHAR(100),
    -- red-flag screen (see domain: these need a referral decision, not another session)
    rf_no_improvement         BOOLEAN      NOT NULL,
    rf_swelling_redness_warmth BOOLEAN     NOT NULL,
    rf_cannot_stand_or_walk   BOOLEAN      NOT NULL,
    rf_systemic_disease       BOOLEAN      NOT NULL,
    red_flag_note             VARCHAR(1000),
    red_flag_positive         BOOLEAN GENERATED ALWAYS AS
        (rf_no_improvement OR rf_swelling_redness_warmth OR rf_cannot_stand_or_walk OR rf_systemic_disease) STORED,
    referral_decision         VARCHAR(20) CHECK (referral_decision IN ('refer', 'treat')),
    referral_reason           VARCHAR(1000),
    referral_decided_by       VARCHAR(100),
    referral_decided_at       TIMESTAMPTZ,
    status                    VARCHAR(10)  NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at                 TIMESTAMPTZ  NOT NULL,
    opened_by                 VARCHAR(100) NOT NULL,
    version                   BIGINT       NOT NULL DEFAULT 0,
    CHECK ((referral_decision IS NULL) = (referral_reason IS NULL))
);
CREATE INDEX episode_patient ON episode_of_care (patient_id, opened_at);

-- One plan per episode. Its content lives in courses; every change is a new numbered version with who and why.
CREATE TABLE treatment_plan (
    id              UUID PRIMARY KEY,
    episode_id      UUID         NOT NULL UNIQUE REFERENCES episode_of_care (id),
    status          VARCHAR(20)  NOT NULL
        CHECK (status IN ('active', 'review_due', 'discharged', 'referred', 'discontinued')),
    goals           JSONB        NOT NULL,
    current_version INTEGER      NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE treatment_plan_version (
    plan_id    UUID          NOT NULL REFERENCES treatment_plan (id),
    number     INTEGER       NOT NULL,
    changed_at TIMESTAMPTZ   NOT NULL,
    changed_by VARCHAR(100)  NOT NULL,
    change     VARCHAR(1000) NOT NULL,
    snapshot   JSONB         NOT NULL,
    PRIMARY KEY (plan_id, number)
);

-- A course of one modality within a plan: how many sessions, how often, when to review, default parameters.
CREATE TABLE course (
    id                      UUID PRIMARY KEY,
    plan_id                 UUID        NOT NULL REFERENCES treatment_plan (id),
    position                INTEGER     NOT NULL,
    modality                VARCHAR(60) NOT NULL REFERENCES modality (code),
    planned_sessions        INTEGER     NOT NULL CHECK (planned_sessions BETWEEN 1 AND 50),
    interval_days           INTEGER     NOT NULL CHECK (interval_days BETWEEN 1 AND 90),
    review_after_sessions   INTEGER     NOT NULL CHECK (review_after_sessions BETWEEN 1 AND 50),
    parameters              JSONB       NOT NULL,
    practitioner_preference UUID,
    status                  VARCHAR(20) NOT NULL
        CHECK (status IN ('active', 'review_due', 'completed', 'switched', 'stopped')),
    sessions_delivered      INTEGER     NOT NULL DEFAULT 0 CHECK (sessions_delivered >= 0),
    UNIQUE (plan_id, position)
);

-- What was done in one delivered session.
CREATE TABLE session_record (
    id              UUID PRIMARY KEY,
    course_id       UUID         NOT NULL REFERENCES course (id),
    appointment_id  UUID UNIQUE,
    delivered_at    TIMESTAMPTZ  NOT NULL,
    status          VARCHAR(20)  NOT NULL CHECK (status IN ('awaiting_record', 'recorded')),
    details         JSONB        NOT NULL DEFAULT '{}',
    adverse_events  JSONB        NOT NULL DEFAULT '[]',
    notes           VARCHAR(4000),
    first_step_pain INTEGER CHECK (first_step_pain BETWEEN 0 AND 10),
    recorded_by     VARCHAR(100),
    recorded_at     TIMESTAMPTZ,
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX session_course ON session_record (course_id, delivered_at);

CREATE TABLE review_decision (
    id                  UUID PRIMARY KEY,
    plan_id             UUID          NOT NULL REFERENCES treatment_plan (id),
    course_id           UUID          NOT NULL REFERENCES course (id),
    decision            VARCHAR(20)   NOT NULL CHECK (decision IN ('continue', 'switch', 'discharge', 'refer')),
    additional_sessions INTEGER CHECK (additional_sessions BETWEEN 1 AND 50),
    new_modality        VARCHAR(60) REFERENCES modality (code),
    reason              VARCHAR(2000) NOT NULL,
    decided_by          VARCHAR(100)  NOT NULL,
    decided_at          TIMESTAMPTZ   NOT NULL,
    CHECK ((decision = 'continue') = (additional_sessions IS NOT NULL)),
    CHECK ((decision = 'switch') = (new_modality IS NOT NULL))
);
