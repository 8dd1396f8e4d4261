package cn.perfeval.report.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * The in-year monitoring of every unit of a county at one month, for dashboards: one row per unit (by unit
 * code), the units by gap band, the grade distribution of the (projected) scores and the units most behind.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "一个县某年度截至某月所有单位的绩效运行监控汇总")
public record CountyMonitoring(
        @Schema(description = "县名") String county,
        @Schema(description = "年度") int year,
        @Schema(description = "监控月份（1至12）", minimum = "1", maximum = "12") int month,
        @Schema(description = "所用的预警阈值和序时进度") UnitMonitoring.Thresholds settings,
        @Schema(description = "序时进度（%）") BigDecimal timeProgress,
        @Schema(description = "各单位，按单位代码排列") List<Row> rows,
        @Schema(description = "按差距（序时进度 − 执行率，百分点）分档的单位数") List<Band> gapBands,
        @Schema(description = "预计（或年终）得分的等次分布；尚无评分的单位计为“未评分”") List<GradeCount> gradeDistribution,
        @Schema(description = "执行进度落后最多的单位（落后序时进度的，按差距从大到小，至多10个）") List<Row> mostBehind,
        @Schema(description = "汇总说明（文字）") String provenance) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CountyMonitoringRow", description = "一个单位截至监控月份的监控结果")
    public record Row(
            @Schema(description = "单位代码") String unitCode,
            @Schema(description = "单位名称") String unitName,
            @Schema(description = "预算执行率（%）；无法计算时省略") BigDecimal executionRate,
            @Schema(description = "序时进度（%）") BigDecimal timeProgress,
            @Schema(description = "差距（百分点，为正表示落后）；无法计算时省略") BigDecimal gap,
            @Schema(description = "该月执行数据是否已报送") boolean reported,
            @Schema(description = "是否落后序时进度超过预警阈值") boolean behind,
            @Schema(description = "完成进度滞后的目标数") int laggingTargets,
            @Schema(description = "完成进度滞后的目标名称") List<String> laggingTargetNames,
            @Schema(description = "尚无完成值的目标数") int targetsWithoutActual,
            @Schema(description = "偏差发现数") int findings,
            @Schema(description = "预计（或年终）得分（分）；尚无评分时省略") BigDecimal total,
            @Schema(description = "等次；尚无评分时省略") String grade,
            @Schema(description = "得分的标签：预计得分（截至N月）或年终得分；尚无评分时省略") String scoreLabel,
            @Schema(description = "是否为预计得分；尚无评分时省略") Boolean projected,
            @Schema(description = "所依据的预算数据版本号") long budgetVersion) {
    }

    @Schema(name = "CountyMonitoringBand", description = "差距的一档及其单位")
    public record Band(
            @Schema(description = "档次说明，如“落后5至10个百分点”") String label,
            @Schema(description = "单位数") int count,
            @Schema(description = "该档的单位代码") List<String> units) {
    }

    @Schema(name = "CountyMonitoringGrade", description = "一个等次的单位数")
    public record GradeCount(
            @Schema(description = "等次（尚无评分为“未评分”）") String grade,
            @Schema(description = "单位数") int count) {
    }
}
