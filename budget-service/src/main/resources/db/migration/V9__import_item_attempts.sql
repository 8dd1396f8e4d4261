-- Issue #18: a unit-year of a bulk import whose storing fails for a reason other than its data (the database
-- refusing a row, say) is retried; after budget.jobs.max-attempts failures it is reported as not imported, so
-- that one such unit-year never holds its job back.
ALTER TABLE import_job_item ADD COLUMN attempts INT NOT NULL DEFAULT 0;
