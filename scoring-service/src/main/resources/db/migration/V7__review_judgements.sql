-- The county's review (复核) of a unit-year: the evaluator's own points for an indicator, recorded apart
-- from the unit's self-score judgements (table judgement) and never counted in the self-score. Every
-- review judgement is kept; the latest per indicator is the current one. Any leaf may be re-scored
-- (computed, from targets, or judged).
CREATE TABLE review_judgement (
    id              BIGSERIAL    PRIMARY KEY,
    unit_code       VARCHAR(32)  NOT NULL,
    fiscal_year     INT          NOT NULL,
    system_code     VARCHAR(64)  NOT NULL,
    indicator_code  VARCHAR(64)  NOT NULL,
    points          NUMERIC      NOT NULL,
    reason          TEXT         NOT NULL,
    evidence        TEXT,
    judged_by       VARCHAR(200) NOT NULL,   -- the evaluator, as the token names them
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX review_judgement_current_idx ON review_judgement (unit_code, fiscal_year, system_code, indicator_code, id DESC);

-- The review score computed with each recomputation (JSON of the review: total, grade, deviation and
-- the re-scored indicators); null while the unit-year has no review judgement under that system.
ALTER TABLE score_result ADD COLUMN review TEXT;
