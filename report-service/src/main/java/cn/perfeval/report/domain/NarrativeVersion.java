package cn.perfeval.report.domain;

import java.time.OffsetDateTime;

/**
 * One saved version of a unit-year's narrative. Version 0 is the skeleton (nothing saved yet),
 * whose {@code savedAt} is null.
 */
public record NarrativeVersion(String unitCode, int fiscalYear, long version, OffsetDateTime savedAt,
                               Narrative narrative) {
}
