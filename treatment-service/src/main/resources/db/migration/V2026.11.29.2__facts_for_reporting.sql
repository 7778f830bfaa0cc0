-- What reporting-service is told about (issue 11) needs two facts treatment-service did not keep:
-- when an episode closed, and each session's number in its course (the n-th session delivered).
ALTER TABLE episode_of_care ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE episode_of_care ADD CONSTRAINT episode_closed_at CHECK ((status = 'closed') OR (closed_at IS NULL));

ALTER TABLE session_record ADD COLUMN number_in_course INTEGER CHECK (number_in_course >= 1);
UPDATE session_record s SET number_in_course = numbered.n
FROM (SELECT id, row_number() OVER (PARTITION BY course_id ORDER BY delivered_at, id) AS n FROM session_record) numbered
WHERE numbered.id = s.id;
ALTER TABLE session_record ALTER COLUMN number_in_course SET NOT NULL;
