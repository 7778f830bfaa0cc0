-- How many times the read model has been rebuilt. With the event log's last arrival it names the read model's state
-- exactly: the tables are a function of the event log, rebuilt or not, and a rebuild (which replays the same log)
-- still counts as a change, so that reports cached for the state before it are worked out again afterwards.
CREATE TABLE read_model_generation (
    only_row   BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    generation BIGINT  NOT NULL
);
INSERT INTO read_model_generation (only_row, generation) VALUES (TRUE, 0);
