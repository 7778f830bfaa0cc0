-- A plan's review decisions, oldest first (the timeline, PlanService.reviews): without this index every read scans
-- the decisions of every plan the clinic ever made. Measured by ./clinic bench timeline (docs/benchmarks.md).
CREATE INDEX review_decision_plan ON review_decision (plan_id, decided_at);
