-- Internal offices of a unit, in the order given.
CREATE TABLE unit_office (
    unit_code  VARCHAR(32)  NOT NULL REFERENCES unit (code) ON DELETE CASCADE,
    seq        INT          NOT NULL,
    name       VARCHAR(200) NOT NULL,
    PRIMARY KEY (unit_code, seq)
);

-- Staff facts per unit-year (人); NULL = not recorded.
ALTER TABLE unit_year
    ADD COLUMN staff_authorized_posts            INT,
    ADD COLUMN staff_actual                      INT,
    ADD COLUMN staff_in_service                  INT,
    ADD COLUMN staff_administrative              INT,
    ADD COLUMN staff_public_institution          INT,
    ADD COLUMN staff_non_civil_service_institution INT,
    ADD COLUMN staff_retired                     INT,
    ADD COLUMN staff_survivor_subsidy            INT;

-- 收支总表 totals (万元); summary_recorded tells an absent table from an empty one.
ALTER TABLE unit_year
    ADD COLUMN summary_recorded          BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN summary_revenue_total     NUMERIC,
    ADD COLUMN summary_carry_forward     NUMERIC,
    ADD COLUMN summary_expenditure_total NUMERIC;

-- 收支总表 lines: revenue by source (with sub-items: parent_seq) and expenditure by 类.
CREATE TABLE summary_item (
    id            BIGSERIAL    PRIMARY KEY,
    unit_year_id  BIGINT       NOT NULL REFERENCES unit_year (id) ON DELETE CASCADE,
    section       VARCHAR(16)  NOT NULL,            -- REVENUE / EXPENDITURE
    seq           INT          NOT NULL,
    parent_seq    INT,
    code          VARCHAR(7),
    item          VARCHAR(200) NOT NULL,
    amount        NUMERIC      NOT NULL,
    UNIQUE (unit_year_id, section, seq)
);

-- 年初部门预算收入总表: per function code and revenue source; NULL = empty cell.
CREATE TABLE revenue_row (
    id                      BIGSERIAL    PRIMARY KEY,
    unit_year_id            BIGINT       NOT NULL REFERENCES unit_year (id) ON DELETE CASCADE,
    seq                     INT          NOT NULL,
    code                    VARCHAR(7)   NOT NULL,
    name                    VARCHAR(200) NOT NULL,
    total                   NUMERIC      NOT NULL,
    general_budget          NUMERIC,
    general_budget_funding  NUMERIC,
    general_budget_non_tax  NUMERIC,
    government_fund         NUMERIC,
    special_account_non_tax NUMERIC,
    superior_subsidy        NUMERIC,
    other                   NUMERIC,
    UNIQUE (unit_year_id, seq),
    UNIQUE (unit_year_id, code)
);

-- During the year: further execution facts (万元 unless noted); NULL = not recorded.
ALTER TABLE unit_year
    ADD COLUMN carry_over                    NUMERIC,
    ADD COLUMN carry_over_balance            NUMERIC,
    ADD COLUMN carry_over_balance_last_year  NUMERIC,
    ADD COLUMN three_public_budget_last_year NUMERIC,
    ADD COLUMN three_public_actual_last_year NUMERIC,
    ADD COLUMN procurement_budget            NUMERIC,
    ADD COLUMN procurement_actual            NUMERIC,
    ADD COLUMN public_running_budget         NUMERIC,
    ADD COLUMN public_running_actual         NUMERIC,
    ADD COLUMN fixed_assets_in_use           NUMERIC,
    ADD COLUMN fixed_assets_total            NUMERIC,
    ADD COLUMN key_project_spending          NUMERIC,
    ADD COLUMN payment_progress_actual       NUMERIC,  -- %
    ADD COLUMN payment_progress_planned      NUMERIC,  -- %
    ADD COLUMN key_tasks_assigned            INT,      -- 件
    ADD COLUMN key_tasks_completed           INT;      -- 件

-- Budget adjustments during the year (调增 / 调减 / 追加), in the order given.
CREATE TABLE adjustment (
    id            BIGSERIAL    PRIMARY KEY,
    unit_year_id  BIGINT       NOT NULL REFERENCES unit_year (id) ON DELETE CASCADE,
    seq           INT          NOT NULL,
    kind          VARCHAR(8)   NOT NULL,
    adjusted_on   DATE         NOT NULL,
    reason        VARCHAR(500),
    code          VARCHAR(7)   NOT NULL,
    amount        NUMERIC      NOT NULL,
    UNIQUE (unit_year_id, seq)
);

-- Actual spending by function code, basic / project.
CREATE TABLE execution_row (
    id             BIGSERIAL    PRIMARY KEY,
    unit_year_id   BIGINT       NOT NULL REFERENCES unit_year (id) ON DELETE CASCADE,
    seq            INT          NOT NULL,
    code           VARCHAR(7)   NOT NULL,
    name           VARCHAR(200),
    basic_actual   NUMERIC      NOT NULL,
    project_actual NUMERIC      NOT NULL,
    UNIQUE (unit_year_id, seq),
    UNIQUE (unit_year_id, code)
);

-- 三公经费 by item: budget and actual, this year and last.
CREATE TABLE three_public_item (
    id                 BIGSERIAL    PRIMARY KEY,
    unit_year_id       BIGINT       NOT NULL REFERENCES unit_year (id) ON DELETE CASCADE,
    seq                INT          NOT NULL,
    item               VARCHAR(32)  NOT NULL,
    budget             NUMERIC,
    actual             NUMERIC,
    budget_last_year   NUMERIC,
    actual_last_year   NUMERIC,
    UNIQUE (unit_year_id, seq),
    UNIQUE (unit_year_id, item)
);

-- Validation findings of a unit-year, recomputed and replaced in the transaction of every change.
CREATE TABLE finding (
    id            BIGSERIAL    PRIMARY KEY,
    unit_year_id  BIGINT       NOT NULL REFERENCES unit_year (id) ON DELETE CASCADE,
    seq           INT          NOT NULL,
    rule_id       VARCHAR(32)  NOT NULL,
    severity      VARCHAR(8)   NOT NULL,
    table_name    VARCHAR(32)  NOT NULL,
    code          VARCHAR(64),
    column_name   VARCHAR(64),
    expected      NUMERIC,
    actual        NUMERIC,
    message       VARCHAR(1000) NOT NULL,
    UNIQUE (unit_year_id, seq)
);
