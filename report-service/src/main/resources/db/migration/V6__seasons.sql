-- The self-evaluation season (自评季): a county-year's task to every unit concerned, the task's state
-- and every transition, the submissions with what was filed frozen (versions, payloads, rendered
-- documents), the samples drawn for re-evaluation (抽查复核), and the outbox of season events.
-- Nothing here is ever updated in place except season_task's state columns; a submission and its
-- documents are written once and never changed.

CREATE TABLE season (
    id                   BIGSERIAL     PRIMARY KEY,
    county               VARCHAR(100)  NOT NULL,
    fiscal_year          INT           NOT NULL,
    system_code          VARCHAR(64)   NOT NULL,   -- the indicator system the units are scored under
    deadline             DATE          NOT NULL,   -- units not submitted after this day are overdue
    deviation_threshold  NUMERIC(6,2)  NOT NULL,   -- 分: |self total − review total| above it flags 自评质量
    version              BIGINT        NOT NULL,   -- ETag of the season's settings
    created_by           VARCHAR(200)  NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    UNIQUE (county, fiscal_year)
);

CREATE TABLE season_task (
    id                   BIGSERIAL     PRIMARY KEY,
    season_id            BIGINT        NOT NULL REFERENCES season (id),
    unit_code            VARCHAR(32)   NOT NULL,
    fiscal_year          INT           NOT NULL,
    unit_name            VARCHAR(200),             -- from the budget events, null while none has arrived
    state                VARCHAR(20)   NOT NULL,   -- TaskState: NOT_STARTED … PUBLISHED
    version              BIGINT        NOT NULL,   -- ETag; +1 on every transition
    submissions          INT           NOT NULL DEFAULT 0,   -- the number of the latest submission
    updated_at           TIMESTAMPTZ   NOT NULL,
    UNIQUE (unit_code, fiscal_year)
);
CREATE INDEX season_task_season_idx ON season_task (season_id, state);

-- Every transition, with who, when and why: the task's audit trail (also in audit_entry).
CREATE TABLE task_transition (
    id                   BIGSERIAL     PRIMARY KEY,
    task_id              BIGINT        NOT NULL REFERENCES season_task (id),
    action               VARCHAR(20)   NOT NULL,   -- TaskAction
    from_state           VARCHAR(20)   NOT NULL,
    to_state             VARCHAR(20)   NOT NULL,
    actor                VARCHAR(200)  NOT NULL,
    actor_role           VARCHAR(20)   NOT NULL,
    comment              TEXT,                     -- required when returning
    submission_number    INT,                      -- set on submit
    at                   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX task_transition_task_idx ON task_transition (task_id, id);

-- What a unit filed, frozen: the exact versions and the events as they stood, the narrative version.
CREATE TABLE submission (
    id                   BIGSERIAL     PRIMARY KEY,
    task_id              BIGINT        NOT NULL REFERENCES season_task (id),
    unit_code            VARCHAR(32)   NOT NULL,
    fiscal_year          INT           NOT NULL,
    number               INT           NOT NULL,   -- 1, 2, … per unit-year
    system_code          VARCHAR(64)   NOT NULL,
    system_version       INT           NOT NULL,
    budget_version       BIGINT        NOT NULL,
    score_version        BIGINT        NOT NULL,
    narrative_version    BIGINT,                   -- null when no narrative had been saved
    total                NUMERIC(7,2),
    grade                VARCHAR(20),
    budget_payload       TEXT          NOT NULL,   -- the BudgetUnitYearChanged event as filed
    score_payload        TEXT          NOT NULL,   -- the UnitYearScored event as filed
    narrative_payload    TEXT,                     -- the narrative version as filed (JSON)
    submitted_by         VARCHAR(200)  NOT NULL,
    submitted_at         TIMESTAMPTZ   NOT NULL,
    UNIQUE (unit_code, fiscal_year, number)
);

-- The documents as filed, one row per format, byte for byte.
CREATE TABLE submission_document (
    submission_id        BIGINT        NOT NULL REFERENCES submission (id),
    format               VARCHAR(10)   NOT NULL,   -- docx, pdf, html, md, json, xlsx
    media_type           VARCHAR(120)  NOT NULL,
    content              BYTEA         NOT NULL,
    sha256               CHAR(64)      NOT NULL,
    PRIMARY KEY (submission_id, format)
);

-- Samples for re-evaluation (抽查复核): each draw numbered and recorded with its seed and population,
-- so that anyone can draw it again and get the same units.
CREATE TABLE season_sample (
    id                   BIGSERIAL     PRIMARY KEY,
    season_id            BIGINT        NOT NULL REFERENCES season (id),
    number               INT           NOT NULL,
    share                NUMERIC(5,2)  NOT NULL,   -- percent of the population drawn at random
    seed                 BIGINT        NOT NULL,
    rules                TEXT          NOT NULL,   -- JSON array of the rule codes applied
    population           TEXT          NOT NULL,   -- JSON array of the unit codes drawn from, sorted
    drawn_by             VARCHAR(200)  NOT NULL,
    drawn_at             TIMESTAMPTZ   NOT NULL,
    UNIQUE (season_id, number)
);

CREATE TABLE season_sample_unit (
    sample_id            BIGINT        NOT NULL REFERENCES season_sample (id),
    unit_code            VARCHAR(32)   NOT NULL,
    reason               VARCHAR(40)   NOT NULL,   -- RANDOM or a rule code
    reason_text          TEXT          NOT NULL,   -- Chinese: why this unit is in the sample
    PRIMARY KEY (sample_id, unit_code, reason)
);

-- Transactional outbox of season events (TaskStateChanged on season-events), as in the other services.
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
