-- report-service's own read model, fed only by Kafka: reports are produced even while
-- budget-service and scoring-service are down. Each row keeps the newest event of its kind.

CREATE TABLE budget_view (
    unit_code    VARCHAR(32)  NOT NULL,
    fiscal_year  INT          NOT NULL,
    version      BIGINT       NOT NULL,
    county       VARCHAR(100) NOT NULL,
    payload      TEXT         NOT NULL,   -- the BudgetUnitYearChanged event as received
    received_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (unit_code, fiscal_year)
);
CREATE INDEX budget_view_county_idx ON budget_view (county, fiscal_year);

CREATE TABLE score_view (
    unit_code    VARCHAR(32)  NOT NULL,
    fiscal_year  INT          NOT NULL,
    system_code  VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL,
    payload      TEXT         NOT NULL,   -- the UnitYearScored event as received
    received_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (unit_code, fiscal_year, system_code)
);

CREATE TABLE rejected_event (
    id            BIGSERIAL    PRIMARY KEY,
    topic         VARCHAR(200) NOT NULL,
    partition_no  INT          NOT NULL,
    record_offset BIGINT       NOT NULL,
    record_key    VARCHAR(200),
    reason        TEXT         NOT NULL,
    payload       TEXT,
    rejected_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
