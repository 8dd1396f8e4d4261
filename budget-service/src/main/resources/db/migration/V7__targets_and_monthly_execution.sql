-- Issue #16: performance targets (绩效目标) and monthly execution of a unit-year.

-- The overall goal (年度总体目标); targets_recorded tells an absent target table from an empty one.
ALTER TABLE unit_year
    ADD COLUMN targets_recorded BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN overall_goal     TEXT;

-- The indicator targets of the target table, in the order given.
CREATE SEQUENCE target_id_seq INCREMENT BY 50;
CREATE TABLE target (
    id              BIGINT       PRIMARY KEY DEFAULT nextval('target_id_seq'),
    unit_year_id    BIGINT       NOT NULL REFERENCES unit_year (id) ON DELETE CASCADE,
    seq             INT          NOT NULL,
    code            VARCHAR(40)  NOT NULL,
    level1          VARCHAR(10)  NOT NULL,            -- 产出 / 效益 / 满意度
    level2          VARCHAR(20)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    unit_of_measure VARCHAR(20),
    target_value    NUMERIC,                          -- NULL for a qualitative target
    target_text     VARCHAR(1000),
    direction       VARCHAR(10)  NOT NULL,            -- 越大越好 / 越小越好 / 等于 / 定性
    weight          NUMERIC,
    UNIQUE (unit_year_id, seq),
    UNIQUE (unit_year_id, code)
);
ALTER SEQUENCE target_id_seq OWNED BY target.id;

-- The actual values (完成值) of a target as of a month, with who recorded them and when. Keyed by the
-- target's code, so that a new target table keeps the progress of the targets whose code stays.
CREATE SEQUENCE target_progress_id_seq INCREMENT BY 50;
CREATE TABLE target_progress (
    id                  BIGINT        PRIMARY KEY DEFAULT nextval('target_progress_id_seq'),
    unit_year_id        BIGINT        NOT NULL REFERENCES unit_year (id) ON DELETE CASCADE,
    target_code         VARCHAR(40)   NOT NULL,
    month               INT           NOT NULL CHECK (month BETWEEN 1 AND 12),
    actual_value        NUMERIC,
    actual_text         VARCHAR(1000),
    achievement         VARCHAR(10),                  -- 达成 / 部分达成 / 未达成
    achievement_percent NUMERIC,
    deviation_reason    VARCHAR(1000),
    recorded_by         VARCHAR(200)  NOT NULL,
    recorded_at         TIMESTAMPTZ   NOT NULL,
    UNIQUE (unit_year_id, target_code, month)
);
ALTER SEQUENCE target_progress_id_seq OWNED BY target_progress.id;

-- Cumulative actual spending from January to the end of a month (万元).
CREATE SEQUENCE month_execution_id_seq INCREMENT BY 50;
CREATE TABLE month_execution (
    id             BIGINT  PRIMARY KEY DEFAULT nextval('month_execution_id_seq'),
    unit_year_id   BIGINT  NOT NULL REFERENCES unit_year (id) ON DELETE CASCADE,
    month          INT     NOT NULL CHECK (month BETWEEN 1 AND 12),
    basic_actual   NUMERIC NOT NULL,
    project_actual NUMERIC NOT NULL,
    UNIQUE (unit_year_id, month)
);
ALTER SEQUENCE month_execution_id_seq OWNED BY month_execution.id;

-- The same month by function code (optional).
CREATE SEQUENCE month_execution_row_id_seq INCREMENT BY 50;
CREATE TABLE month_execution_row (
    id                 BIGINT       PRIMARY KEY DEFAULT nextval('month_execution_row_id_seq'),
    month_execution_id BIGINT       NOT NULL REFERENCES month_execution (id) ON DELETE CASCADE,
    seq                INT          NOT NULL,
    code               VARCHAR(7)   NOT NULL,
    name               VARCHAR(200),
    basic_actual       NUMERIC      NOT NULL,
    project_actual     NUMERIC      NOT NULL,
    UNIQUE (month_execution_id, seq),
    UNIQUE (month_execution_id, code)
);
ALTER SEQUENCE month_execution_row_id_seq OWNED BY month_execution_row.id;
