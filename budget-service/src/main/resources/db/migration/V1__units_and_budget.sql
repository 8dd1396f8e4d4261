-- Budget units (部门/预算单位) and their data per fiscal year.
-- Amounts are stored in 万元 as exact NUMERIC, with the scale they were given in.

CREATE TABLE unit (
    code        VARCHAR(32)  PRIMARY KEY,          -- 统一社会信用代码 / 组织机构代码
    name        VARCHAR(200) NOT NULL,
    county      VARCHAR(100) NOT NULL,
    province    VARCHAR(100) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,             -- 行政 / 事业
    rank        VARCHAR(100),
    address     VARCHAR(300),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX unit_county_idx ON unit (county);

-- One row per unit and fiscal year: the aggregate whose version is the ETag and the event version.
CREATE TABLE unit_year (
    id                   BIGSERIAL PRIMARY KEY,
    unit_code            VARCHAR(32) NOT NULL REFERENCES unit (code),
    fiscal_year          INT         NOT NULL,
    version              BIGINT      NOT NULL,
    -- execution during the year (万元); NULL = not recorded yet
    adjustment_increase  NUMERIC,
    adjustment_decrease  NUMERIC,
    basic_actual         NUMERIC,
    project_actual       NUMERIC,
    year_end_balance     NUMERIC,
    three_public_budget  NUMERIC,
    three_public_actual  NUMERIC,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (unit_code, fiscal_year)
);

-- 年初部门预算支出总表: per function code, total / basic / project, rows in the order given.
CREATE TABLE expenditure_row (
    id            BIGSERIAL    PRIMARY KEY,
    unit_year_id  BIGINT       NOT NULL REFERENCES unit_year (id) ON DELETE CASCADE,
    seq           INT          NOT NULL,
    code          VARCHAR(7)   NOT NULL,
    name          VARCHAR(200) NOT NULL,
    total         NUMERIC      NOT NULL,
    basic         NUMERIC      NOT NULL,
    project       NUMERIC      NOT NULL,
    UNIQUE (unit_year_id, seq),
    UNIQUE (unit_year_id, code)
);

-- Transactional outbox: written in the same transaction as the change, relayed to Kafka after commit.
CREATE TABLE outbox_event (
    id             BIGSERIAL   PRIMARY KEY,
    topic          VARCHAR(200) NOT NULL,
    record_key     VARCHAR(100) NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    payload        TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (id) WHERE published_at IS NULL;
