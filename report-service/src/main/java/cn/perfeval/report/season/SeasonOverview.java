package cn.perfeval.report.season;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A county's season at a glance, for dashboards and the county review document: tasks per state, overdue
 * units, each unit's self-score (its latest submission) beside the county's review score, the deviation and
 * its flag, the grade distributions, the latest sample.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SeasonOverview", description = "县某年度自评季概况：各状态任务数、逾期单位、各单位自评与复核得分及偏差、等次分布、最近一次抽查")
public record SeasonOverview(
        @Schema(description = "县（市、区）") String county,
        @Schema(description = "年度") int year,
        @Schema(description = "自评所用的指标体系代码") String systemCode,
        @Schema(description = "指标体系名称（取自该体系下的评分）；本服务尚未收到该体系的任何评分时省略") String systemName,
        @Schema(description = "提交截止日期", format = "date") LocalDate deadline,
        @Schema(description = "自评质量的偏差阈值（分）：自评得分与复核得分之差的绝对值超过它时列为自评质量问题") BigDecimal deviationThreshold,
        @Schema(description = "统计所依据的日期（北京时间的今天），逾期按此计算", format = "date") LocalDate asOf,
        @Schema(description = "任务（单位）总数") int unitsTotal,
        @Schema(description = "各状态的任务数，每个状态一行（无任务的状态为0），按流程顺序") List<StateCount> states,
        @Schema(description = "逾期单位：今天已过截止日期而任务仍为未开始、填报中或已退回的单位，按逾期天数从多到少") List<OverdueUnit> overdue,
        @Schema(description = "各单位的自评与复核情况，按单位代码排序") List<UnitRow> units,
        @Schema(description = "等次分布：自评（各单位最近一次提交）与复核的单位数，按优、良、中、差（另有其他等次时列在后面）") List<GradeCount> grades,
        @Schema(description = "已复核的单位数") int reviewed,
        @Schema(description = "偏差超过阈值、列为自评质量问题的单位数") int flagged,
        @Schema(description = "最近一次抽查复核抽取；尚未抽取时省略") SampleView latestSample) {

    @Schema(name = "SeasonStateCount", description = "一个状态的任务数")
    public record StateCount(
            @Schema(description = "状态代码", enumeration = {"NOT_STARTED", "FILLING", "SUBMITTED", "IN_REVIEW", "RETURNED", "APPROVED", "PUBLISHED"}) String state,
            @Schema(description = "状态名称（未开始、填报中、已提交、审核中、已退回、已通过、已公开）") String label,
            @Schema(description = "任务数") int count) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SeasonOverdueUnit", description = "一个逾期单位")
    public record OverdueUnit(
            @Schema(description = "单位代码") String unitCode,
            @Schema(description = "单位名称；本服务尚不知道时省略") String unitName,
            @Schema(description = "状态代码") String state,
            @Schema(description = "状态名称") String stateLabel,
            @Schema(description = "逾期天数（今天与截止日期相差的天数）", minimum = "1") int overdueDays) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SeasonUnitRow", description = "一个单位的自评与复核情况；尚未提交时无自评得分，尚未复核时无复核得分")
    public record UnitRow(
            @Schema(description = "单位代码") String unitCode,
            @Schema(description = "单位名称；本服务尚不知道时省略") String unitName,
            @Schema(description = "任务状态代码") String state,
            @Schema(description = "任务状态名称") String stateLabel,
            @Schema(description = "提交次数（最近一次提交的序号，未提交为0）") int submissions,
            @Schema(description = "是否逾期") boolean overdue,
            @Schema(description = "逾期天数；未逾期时省略") Integer overdueDays,
            @Schema(description = "自评得分（分）：最近一次提交所冻结的总分；未提交时省略") BigDecimal selfTotal,
            @Schema(description = "自评等级：最近一次提交的等次；未提交时省略") String selfGrade,
            @Schema(description = "复核得分（分）：评分服务按评价人员的复核评分算出的总分；未复核时省略") BigDecimal reviewTotal,
            @Schema(description = "复核等级；未复核时省略") String reviewGrade,
            @Schema(description = "偏差（分）= 自评得分 − 复核得分（评分服务所算，正数表示自评偏高）；未复核时省略") BigDecimal deviation,
            @Schema(description = "是否列为自评质量问题：偏差的绝对值超过阈值") boolean flagged,
            @Schema(description = "自评质量说明，如“自评质量：自评得分高于复核得分12分，超过10分的阈值”；未列为问题时省略") String flag,
            @Schema(description = "是否在最近一次抽查复核抽取中") boolean sampled,
            @Schema(description = "评价人员重新评分的指标，按指标代码排序；未复核时省略") List<ReviewedIndicator> reviewedIndicators) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SeasonReviewedIndicator", description = "评价人员重新评分的一项指标")
    public record ReviewedIndicator(
            @Schema(description = "指标代码") String code,
            @Schema(description = "指标名称") String name,
            @Schema(description = "满分（分）") BigDecimal maxPoints,
            @Schema(description = "自评得分（分）；自评时该指标无得分（如待评定）时省略") BigDecimal selfPoints,
            @Schema(description = "复核得分（分）") BigDecimal reviewPoints,
            @Schema(description = "偏差（分）= 自评得分 − 复核得分；自评无得分时省略") BigDecimal deviation,
            @Schema(description = "复核理由") String reason) {
    }

    @Schema(name = "SeasonGradeCount", description = "一个等次的自评与复核单位数")
    public record GradeCount(
            @Schema(description = "等次，如优、良、中、差") String grade,
            @Schema(description = "自评（最近一次提交）为该等次的单位数") int self,
            @Schema(description = "复核为该等次的单位数") int review) {
    }
}
