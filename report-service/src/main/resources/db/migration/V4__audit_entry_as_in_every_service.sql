-- One audit_entry for the three services (libs/platform writes it): targets up to 300 characters,
-- as in scoring-service and budget-service.
ALTER TABLE audit_entry ALTER COLUMN target TYPE VARCHAR(300);
