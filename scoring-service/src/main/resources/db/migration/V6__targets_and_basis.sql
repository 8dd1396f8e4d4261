-- Issue #16. The budget snapshot keeps what scoring from targets and the projected score need:
-- whether the data are the year-end ones (an event without a period is year-end), the latest month
-- of execution, and the unit-year's performance targets with their progress (JSON array of the
-- event's targets.indicators; null when the event carries no target table).
ALTER TABLE budget_snapshot ADD COLUMN year_end     BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE budget_snapshot ADD COLUMN as_of_month  INT;
ALTER TABLE budget_snapshot ADD COLUMN targets      TEXT;

-- Each recomputation keeps its basis: projected (a projection on data before the year-end actuals),
-- the month of execution it used, and the data it lacked (JSON of the basis with its missing list).
-- Rows written before are year-end scores (projected false, basis null: nothing listed).
ALTER TABLE score_result ADD COLUMN projected    BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE score_result ADD COLUMN as_of_month  INT;
ALTER TABLE score_result ADD COLUMN basis        TEXT;
