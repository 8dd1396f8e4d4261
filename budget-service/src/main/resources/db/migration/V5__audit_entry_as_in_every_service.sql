-- One audit_entry for the three services (libs/platform writes it): the same column sizes and
-- nullability as in scoring-service and report-service, where entries driven by events or by
-- county-wide changes have no unit, no target or no "after". The writer now sets "at" itself.
ALTER TABLE audit_entry ALTER COLUMN action TYPE VARCHAR(64);
ALTER TABLE audit_entry ALTER COLUMN unit_code DROP NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN target TYPE VARCHAR(300);
ALTER TABLE audit_entry ALTER COLUMN target DROP NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN after DROP NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN at SET DEFAULT now();
