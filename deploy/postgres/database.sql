-- Per-database part of the set-up, run as a superuser inside the clinic database. Idempotent.
-- Flyway (run by each service as its own role) creates and evolves everything inside the schema.
CREATE SCHEMA IF NOT EXISTS booking AUTHORIZATION booking_svc;
CREATE SCHEMA IF NOT EXISTS treatment AUTHORIZATION treatment_svc;
CREATE SCHEMA IF NOT EXISTS reporting AUTHORIZATION reporting_svc;
REVOKE ALL ON SCHEMA booking FROM PUBLIC;
REVOKE ALL ON SCHEMA treatment FROM PUBLIC;
REVOKE ALL ON SCHEMA reporting FROM PUBLIC;
ALTER ROLE booking_svc SET search_path = booking;
ALTER ROLE treatment_svc SET search_path = treatment;
ALTER ROLE reporting_svc SET search_path = reporting;
-- btree_gist lets an exclusion constraint combine "same resource" (=) with "overlapping time" (&&).
CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public;
