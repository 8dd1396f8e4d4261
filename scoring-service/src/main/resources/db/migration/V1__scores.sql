-- The latest budget snapshot of each unit-year, as received from budget-service's events.
-- Its version makes consumption idempotent: an event whose version is not newer changes nothing.
CREATE TABLE budget_snapshot (
    unit_code     VARCHAR(32)  NOT NULL,
    fiscal_year   INT          NOT NULL,
    version       BIGINT       NOT NULL,
    unit_name     VARCHAR(200) NOT NULL,
    county        VARCHAR(100) NOT NULL,
    measures      TEXT         NOT NULL,   -- JSON object: measure name -> exact decimal
    received_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (unit_code, fiscal_year)
);

-- Every recomputation, kept: the latest row of a unit-year and system is its current result.
CREATE TABLE score_result (
    id              BIGSERIAL    PRIMARY KEY,
    unit_code       VARCHAR(32)  NOT NULL,
    fiscal_year     INT          NOT NULL,
    system_code     VARCHAR(64)  NOT NULL,
    system_version  INT          NOT NULL,
    budget_version  BIGINT       NOT NULL,
    seq             BIGINT       NOT NULL,   -- 1, 2, … per unit-year and system
    total           NUMERIC      NOT NULL,
    max_total       NUMERIC      NOT NULL,
    grade           VARCHAR(16),
    complete        BOOLEAN      NOT NULL,
    result          TEXT         NOT NULL,   -- JSON: groups and indicators with explanations
    computed_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (unit_code, fiscal_year, system_code, seq)
);
CREATE INDEX score_result_current_idx ON score_result (unit_code, fiscal_year, system_code, seq DESC);

-- Events that could not be decoded or were invalid: kept with the reason, then skipped.
CREATE TABLE rejected_event (
    id           BIGSERIAL    PRIMARY KEY,
    topic        VARCHAR(200) NOT NULL,
    partition_no INT          NOT NULL,
    record_offset BIGINT      NOT NULL,
    record_key   VARCHAR(200),
    reason       TEXT         NOT NULL,
    payload      TEXT,
    rejected_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Transactional outbox of score events.
CREATE TABLE outbox_event (
    id             BIGSERIAL    PRIMARY KEY,
    topic          VARCHAR(200) NOT NULL,
    record_key     VARCHAR(100) NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    payload        TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (id) WHERE published_at IS NULL;
