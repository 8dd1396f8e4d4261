-- Unit-years whose budget event was set aside (undecodable, or its processing failed every attempt):
-- one row each, with the reason a person reads (GET …/score shows it). Deleted when a valid event of
-- that version or a newer one is scored.
CREATE TABLE unit_year_not_scored (
    unit_code      VARCHAR(32)  NOT NULL,
    fiscal_year    INT          NOT NULL,
    budget_version BIGINT,                 -- the version set aside, when it could be read
    cause          VARCHAR(32)  NOT NULL,  -- UNREADABLE, UNSUPPORTED_VERSION, INVALID, PROCESSING_FAILED
    reason         TEXT         NOT NULL,  -- in Chinese, for the API
    attempts       INT          NOT NULL,  -- processing attempts; 0 for an event that could not be read
    source         VARCHAR(300) NOT NULL,  -- topic-partition@offset of the record set aside
    since          TIMESTAMPTZ  NOT NULL,  -- the first set-aside since the unit-year was last scored
    updated_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (unit_code, fiscal_year)
);
