-- A log written through a local journal (TransparencyLogs#journalLocally) names the journal here:
-- entries it has acknowledged may not be in the database yet, so only that writer may move the
-- log's state until it gives the log back (at a clean stop, once everything is stored).
ALTER TABLE log_state ADD COLUMN journal_owner VARCHAR(64);
