-- The W3C trace context of the work that recorded an event (issue 13): the relay sends it as the CloudEvents extension
-- traceparent, so one trace id follows a change from the receptionist's request to the other service's effect.
ALTER TABLE event_outbox ADD COLUMN trace_parent VARCHAR(55);
