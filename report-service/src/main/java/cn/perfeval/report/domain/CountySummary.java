package cn.perfeval.report.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * All units of a county in a year, ranked by total score (units not yet scored last, without a
 * rank). {@code groups} names the first-level indicator groups, in the order of
 * {@link Row#groupPoints()}.
 */
@Schema(description = "一个县某年度所有单位的绩效评价结果汇总")
public record CountySummary(
        String county,
        int year,
        @Schema(description = "一级指标名称，顺序与各行 groupPoints 相同") List<String> groups,
        @Schema(description = "各单位，按名次排列（尚未评分的单位在最后）") List<Row> rows,
        @Schema(description = "汇总说明：单位数、已评分数、各等次单位数（文字）") String provenance) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CountySummaryRow", description = "一个单位的结果；尚未评分的单位只有单位代码、名称和预算数据版本")
    public record Row(
            @Schema(description = "名次（同分同名次；尚未评分时无）", minimum = "1") Integer rank,
            String unitCode,
            @Schema(description = "单位名称") String unitName,
            @Schema(description = "自评总分（分）") BigDecimal total,
            @Schema(description = "满分（分）") BigDecimal maxTotal,
            @Schema(description = "评定等次（按指标体系的等次划分，如优、良、中、差）") String grade,
            @Schema(description = "是否所有指标均已得分（有待评判的指标时为否）") Boolean complete,
            @Schema(description = "各一级指标得分（分），顺序与 groups 相同") List<BigDecimal> groupPoints,
            @Schema(description = "所依据的预算数据版本号") long budgetVersion,
            @Schema(description = "所依据的评分版本号（尚未评分时无）") Long scoreVersion,
            String systemCode,
            @Schema(description = "预计得分的标签，如“预计得分（截至7月）”：评分依据的预算数据不是年终数据时给出；年终得分省略") String scoreLabel) {

        public Row(Integer rank, String unitCode, String unitName, BigDecimal total, BigDecimal maxTotal, String grade, Boolean complete,
                   List<BigDecimal> groupPoints, long budgetVersion, Long scoreVersion, String systemCode) {
            this(rank, unitCode, unitName, total, maxTotal, grade, complete, groupPoints, budgetVersion, scoreVersion, systemCode, null);
        }
    }
}
