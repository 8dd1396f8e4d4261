-- The audit trail: every change, in the transaction of the change. Who (actor = upn/sub of the
-- token, or system:<consumer> for event-driven recomputations, with the roles), what (action,
-- unit-year, target) and the state before and after, as JSON.
CREATE TABLE audit_entry (
    id         BIGSERIAL    PRIMARY KEY,
    at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor      VARCHAR(200) NOT NULL,
    roles      VARCHAR(200) NOT NULL,   -- comma-separated
    action     VARCHAR(64)  NOT NULL,
    unit_code  VARCHAR(32),
    year       INT,
    target     VARCHAR(300),
    before     JSONB,
    after      JSONB
);
CREATE INDEX audit_entry_at_idx ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_unit_idx ON audit_entry (unit_code, year, at DESC);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, at DESC);
