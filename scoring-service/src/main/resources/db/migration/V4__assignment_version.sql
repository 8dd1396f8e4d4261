-- The assignment of a county-year is replaced in place: its version counts the replacements, so that a
-- PUT can say which one it replaces (ETag / If-Match, docs/api.md).
ALTER TABLE system_assignment ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
