package cn.perfeval.report.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * All units of a county in a year, ranked by total score (units not yet scored last, without a
 * rank). {@code groups} names the first-level indicator groups, in the order of
 * {@link Row#groupPoints()}.
 */
public record CountySummary(String county, int fiscalYear, List<String> groups, List<Row> rows, String provenance) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(Integer rank, String unitCode, String unitName, BigDecimal total, BigDecimal maxTotal,
                      String grade, Boolean complete, List<BigDecimal> groupPoints, long budgetVersion,
                      Long scoreVersion, String systemCode) {
    }
}
