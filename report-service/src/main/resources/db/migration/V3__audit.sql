-- Who changed what, and when: every narrative save (before/after as JSON) and every read-model
-- update applied from an event (actor system:<topic>, after = a small summary of the event).
-- Written in the same transaction as the change; never updated or deleted.

CREATE TABLE audit_entry (
    id         BIGSERIAL    PRIMARY KEY,
    at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor      VARCHAR(200) NOT NULL,
    roles      VARCHAR(200) NOT NULL,   -- comma-separated, sorted
    action     VARCHAR(64)  NOT NULL,
    unit_code  VARCHAR(32),
    year       INT,
    target     VARCHAR(200),
    before     JSONB,
    after      JSONB
);
CREATE INDEX audit_entry_at_idx ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_unit_idx ON audit_entry (unit_code, year);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor);
