-- Judgements of judged indicators: every one kept; the latest per indicator is the current one.
CREATE TABLE judgement (
    id              BIGSERIAL    PRIMARY KEY,
    unit_code       VARCHAR(32)  NOT NULL,
    fiscal_year     INT          NOT NULL,
    system_code     VARCHAR(64)  NOT NULL,
    indicator_code  VARCHAR(64)  NOT NULL,
    points          NUMERIC      NOT NULL,
    deduction       NUMERIC,
    reason          TEXT         NOT NULL,
    evidence        TEXT,
    judged_by       VARCHAR(100) NOT NULL,
    judged_at       TIMESTAMPTZ  NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX judgement_current_idx ON judgement (unit_code, fiscal_year, system_code, indicator_code, id DESC);

-- Indicator systems as data: every version of every system, never changed once stored.
CREATE TABLE indicator_system (
    code        VARCHAR(64)  NOT NULL,
    version     INT          NOT NULL,
    name        VARCHAR(300) NOT NULL,
    document    TEXT         NOT NULL,   -- JSON of the whole system
    shipped     BOOLEAN      NOT NULL DEFAULT false,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (code, version)
);

-- Which system version scores the unit-years of a county and year (default: the configured one).
CREATE TABLE system_assignment (
    county          VARCHAR(100) NOT NULL,
    fiscal_year     INT          NOT NULL,
    system_code     VARCHAR(64)  NOT NULL,
    system_version  INT          NOT NULL,
    assigned_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (county, fiscal_year)
);

-- What a unit published (its own scores, grade and printed figures); the latest row is current.
CREATE TABLE published_score (
    id           BIGSERIAL    PRIMARY KEY,
    unit_code    VARCHAR(32)  NOT NULL,
    fiscal_year  INT          NOT NULL,
    document     TEXT         NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX published_score_current_idx ON published_score (unit_code, fiscal_year, id DESC);

CREATE INDEX budget_snapshot_county_idx ON budget_snapshot (county, fiscal_year);
