-- Issue #18: asynchronous bulk imports of many unit-years (POST /api/v1/jobs/budget-imports).

-- One job: what was uploaded, by whom, and how far its processing has come. state: QUEUED (排队中),
-- RUNNING (进行中), SUCCEEDED (已完成), FAILED (已失败: no unit-year of the job could be stored).
CREATE TABLE import_job (
    id           UUID         PRIMARY KEY,
    kind         VARCHAR(40)  NOT NULL,            -- budget-import
    format       VARCHAR(10)  NOT NULL,            -- ndjson / csv
    state        VARCHAR(10)  NOT NULL,
    total        INT          NOT NULL,            -- unit-years in the upload
    done         INT          NOT NULL DEFAULT 0,  -- unit-years processed (stored or refused)
    failed       INT          NOT NULL DEFAULT 0,  -- of them refused
    created_by   VARCHAR(200) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ
);
CREATE INDEX import_job_unfinished ON import_job (created_at) WHERE state IN ('QUEUED', 'RUNNING');

-- One unit-year of a job as uploaded (the NDJSON line, or the CSV rows of the unit-year turned into the same
-- JSON shape), stored before the job is answered 202 so that a restart resumes it. status: PENDING, DONE,
-- FAILED (errors: the field errors, as in a problem body's errors[]). Processing a unit-year and marking it
-- DONE happen in one transaction, so a restart never stores a unit-year twice.
CREATE TABLE import_job_item (
    job_id    UUID         NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    seq       INT          NOT NULL,               -- line (NDJSON) or first row (CSV), from 1
    unit_code VARCHAR(200),
    year      INT,
    payload   TEXT         NOT NULL,
    status    VARCHAR(10)  NOT NULL,
    errors    TEXT,
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX import_job_item_pending ON import_job_item (job_id, seq) WHERE status = 'PENDING';
