-- In-year monitoring (绩效运行监控) settings of a county-year: the thresholds of the findings in percentage
-- points and, optionally, the county's own time-progress line (12 cumulative percentages, the 12th = 100).
-- One row per county-year; version counts the saves (ETag), every save is audited.

CREATE TABLE monitoring_settings (
    county                    VARCHAR(100)  NOT NULL,
    fiscal_year               INT           NOT NULL,
    version                   BIGINT        NOT NULL,
    execution_gap_threshold   NUMERIC(7, 2) NOT NULL,
    target_gap_threshold      NUMERIC(7, 2) NOT NULL,
    schedule                  TEXT,          -- JSON array of 12 numbers, or NULL for m/12
    updated_at                TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by                VARCHAR(200)  NOT NULL,
    PRIMARY KEY (county, fiscal_year)
);
