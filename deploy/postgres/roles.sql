-- Cluster-wide part of the database set-up, run as a superuser. Idempotent.
-- Each service logs in with its own role; no role can read another's schema.
-- The passwords are local defaults (the local server trusts loopback); production overrides them.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'booking_svc') THEN
        CREATE ROLE booking_svc LOGIN PASSWORD 'booking';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'treatment_svc') THEN
        CREATE ROLE treatment_svc LOGIN PASSWORD 'treatment';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reporting_svc') THEN
        CREATE ROLE reporting_svc LOGIN PASSWORD 'reporting';
    END IF;
END
$$;
-- Two bookings inserting the same overlapping hold at the same instant wait on each other; PostgreSQL breaks the
-- tie after deadlock_timeout (1 s by default). The loser gets its 409 sooner this way.
ALTER ROLE booking_svc SET deadlock_timeout = '100ms';
-- reporting-service's reports sort and hash hundreds of thousands of rows; in memory, not in temporary files.
ALTER ROLE reporting_svc SET work_mem = '64MB';
