-- claim_batch_line is read by claim (carry-over and resume) and written once per line; nothing reads it by run and runs
-- are never deleted, so the run index only slowed the million-row insert of a national run.
DROP INDEX IF EXISTS claim_batch_line_run_idx;
