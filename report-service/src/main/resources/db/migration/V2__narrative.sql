-- The narrative of a unit-year's report: the sections written by people. Every save is a new
-- version; nothing is updated or deleted, so the history stays readable.

CREATE TABLE narrative_version (
    unit_code    VARCHAR(32)  NOT NULL,
    fiscal_year  INT          NOT NULL,
    version      BIGINT       NOT NULL,
    content      TEXT         NOT NULL,   -- the sections as JSON, texts exactly as given
    saved_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (unit_code, fiscal_year, version)
);
