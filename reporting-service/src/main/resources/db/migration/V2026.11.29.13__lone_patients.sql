-- Counting distinct patients was most of a large report's time (a sort or a hash of every row). Almost every patient
-- has one episode, and one session per modality and session number; each row now says how many rows of its patient
-- share its group, so a report counts the lone rows as patients and counts distinct patients only among the few
-- others. Exact, whatever the filters: a lone row's patient has no other row in the group at all.
ALTER TABLE episode ADD COLUMN patient_episodes INTEGER NOT NULL DEFAULT 1;
ALTER TABLE session ADD COLUMN cell_sessions INTEGER NOT NULL DEFAULT 1;
CREATE INDEX episode_patient ON episode (patient_id);
CREATE INDEX session_patient ON session (patient_id);
