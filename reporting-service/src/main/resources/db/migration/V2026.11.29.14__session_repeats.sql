-- The few sessions that share their modality and number with another of the same patient's, found without a scan.
CREATE INDEX session_repeats ON session (episode_id) WHERE cell_sessions > 1;
