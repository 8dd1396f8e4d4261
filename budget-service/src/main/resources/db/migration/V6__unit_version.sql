-- A unit's master data has a version of its own (its ETag): it grows by one with each update, and a PUT
-- that replaces existing master data must name the version it replaces (If-Match, else 428).
ALTER TABLE unit ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
