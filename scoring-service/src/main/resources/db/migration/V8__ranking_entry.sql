-- Issue #18. The county ranking's summary: one row per unit-year and system, the current result of
-- each, kept by every recomputation in the transaction that writes its score_result row (upserted),
-- with the unit's name and county as its budget snapshot has them. The ranking reads one county,
-- year and system in one indexed query instead of assembling the latest score of every unit.
CREATE TABLE ranking_entry (
    unit_code       VARCHAR(32)  NOT NULL,
    fiscal_year     INT          NOT NULL,
    system_code     VARCHAR(64)  NOT NULL,
    county          VARCHAR(100) NOT NULL,
    unit_name       VARCHAR(200) NOT NULL,
    score_id        BIGINT       NOT NULL REFERENCES score_result (id),
    system_version  INT          NOT NULL,
    total           NUMERIC      NOT NULL,
    max_total       NUMERIC      NOT NULL,
    grade           VARCHAR(16),
    complete        BOOLEAN      NOT NULL,
    groups          TEXT         NOT NULL,   -- JSON object: first-level group code -> points, in the system's order
    projected       BOOLEAN      NOT NULL,
    as_of_month     INT,
    computed_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (unit_code, fiscal_year, system_code)
);
CREATE INDEX ranking_entry_county_idx ON ranking_entry (county, fiscal_year, system_code, total DESC, unit_code COLLATE "C");

-- Existing databases: the current row of every unit-year and system, as the ranking assembled it.
INSERT INTO ranking_entry (unit_code, fiscal_year, system_code, county, unit_name, score_id, system_version, total,
                           max_total, grade, complete, groups, projected, as_of_month, computed_at)
SELECT r.unit_code, r.fiscal_year, r.system_code, b.county, b.unit_name, r.id, r.system_version, r.total,
       r.max_total, r.grade, r.complete,
       COALESCE((SELECT json_object_agg(g.value ->> 'code', g.value -> 'points' ORDER BY g.ord)::text
                 FROM json_array_elements(r.result::json -> 'groups') WITH ORDINALITY AS g(value, ord)
                 WHERE g.value -> 'parent' IS NULL OR json_typeof(g.value -> 'parent') = 'null'), '{}'),
       r.projected, r.as_of_month, r.computed_at
FROM (SELECT DISTINCT ON (unit_code, fiscal_year, system_code) * FROM score_result
      ORDER BY unit_code, fiscal_year, system_code, seq DESC) r
JOIN budget_snapshot b ON b.unit_code = r.unit_code AND b.fiscal_year = r.fiscal_year;
