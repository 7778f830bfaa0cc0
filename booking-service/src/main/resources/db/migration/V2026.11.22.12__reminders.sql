-- ReminderJob looks every minute for booked appointments not yet reminded whose start is near; this keeps that scan
-- to the few rows it can find, however long the appointment history grows.
CREATE INDEX appointment_reminder_due ON appointment (starts_at) WHERE status = 'booked' AND reminder_sent_at IS NULL;
