-- A series is changed as a whole ("this and the following"): its version travels as the ETag, so two receptionists
-- cannot move or cancel the rest of one course over each other.
ALTER TABLE appointment_series ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
