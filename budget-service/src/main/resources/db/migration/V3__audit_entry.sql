-- Audit trail: one row per change, written in the transaction of the change (docs/security.md).
CREATE TABLE audit_entry (
    id         BIGSERIAL    PRIMARY KEY,
    at         TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    actor      VARCHAR(200) NOT NULL,              -- upn / sub of the token
    roles      VARCHAR(200) NOT NULL,              -- comma-separated, sorted
    action     VARCHAR(50)  NOT NULL,              -- e.g. expenditure.replace, unit.create, import
    unit_code  VARCHAR(32)  NOT NULL,
    year       INT,                                -- NULL for changes of the unit itself
    target     VARCHAR(200) NOT NULL,              -- what was changed, e.g. expenditure or unit
    before     JSONB,                              -- NULL when the thing did not exist
    after      JSONB        NOT NULL
);
CREATE INDEX audit_entry_unit_year_idx ON audit_entry (unit_code, year, id DESC);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, id DESC);
