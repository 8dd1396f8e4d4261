package cn.perfeval.scoring.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The result of scoring one unit-year under one indicator system: every indicator with its
 * explanation, every group's subtotal, the total and the grade.
 */
@Schema(description = "单位年度在一个指标体系下的完整计分结果")
public record ScoreResult(String systemCode,
                          @Schema(description = "指标体系的版本号") int systemVersion,
                          @Schema(description = "指标体系名称") String systemName,
                          @Schema(description = "总分（分）") BigDecimal total,
                          @Schema(description = "满分（分）") BigDecimal maxTotal,
                          @Schema(description = "等次，按指标体系的等次标准由总分得出（如 优、良、中、差）") String grade,
                          @Schema(description = "是否各指标均已计分") boolean complete,
                          @Schema(description = "各级指标组的小计，按指标体系中的次序") List<GroupResult> groups,
                          @Schema(description = "各指标的得分及计算过程，按指标体系中的次序") List<IndicatorResult> indicators,
                          @Schema(description = "与单位公布得分的差异；未记录公布得分或一致时为空") List<Inconsistency> inconsistencies) {

    /** The same result with the differences from what the unit published. */
    public ScoreResult withInconsistencies(List<Inconsistency> found) {
        return new ScoreResult(systemCode, systemVersion, systemName, total, maxTotal, grade, complete, groups,
                indicators, List.copyOf(found));
    }

    @Schema(description = "计分状态：SCORED 已计分，AWAITING_JUDGEMENT 待评价人评分（暂计 0 分），MISSING_DATA 缺少所需数据，"
            + "NOT_COMPUTABLE 无法计算（如除数为 0）")
    public enum Status {
        /** Computed from the measures. */
        SCORED,
        /** A judged indicator with no judgement yet: it counts 0 until judged. */
        AWAITING_JUDGEMENT,
        /** A measure the formula needs is not recorded yet. */
        MISSING_DATA,
        /** The formula cannot be evaluated on these figures (e.g. a zero budget). */
        NOT_COMPUTABLE;

        /** The Chinese name a person reads. */
        public String label() {
            return switch (this) {
                case SCORED -> "已计分";
                case AWAITING_JUDGEMENT -> "待评价人评分";
                case MISSING_DATA -> "缺少数据";
                case NOT_COMPUTABLE -> "无法计算";
            };
        }
    }

    /** A group's subtotal; {@code parent} is null for a first-level group. */
    @Schema(description = "一个指标组的小计")
    public record GroupResult(@Schema(description = "指标组代码") String code,
                              @Schema(description = "指标组名称") String name,
                              @Schema(description = "上级指标组的代码；一级指标组为 null", nullable = true) String parent,
                              @Schema(description = "满分（分）") BigDecimal maxPoints,
                              @Schema(description = "得分（分）") BigDecimal points) {
    }

    @Schema(description = "一个指标的得分及其计算过程")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(value = "statusLabel", allowGetters = true)
    public record IndicatorResult(@Schema(description = "指标代码") String code,
                                  @Schema(description = "指标名称") String name,
                                  @Schema(description = "所属指标组的代码") String group,
                                  @Schema(description = "满分（分）") BigDecimal maxPoints,
                                  @Schema(description = "得分（分）") BigDecimal points,
                                  @Schema(description = "计分状态") Status status,
                                  @Schema(description = "计算公式（按公式计算的指标）") String formula,
                                  @Schema(description = "公式所用的度量及其数值，键为度量名（单位见 GET /api/v1/measures）") Map<String, BigDecimal> measures,
                                  @Schema(description = "公式结果的精确值（单位见 unit）") BigDecimal exactValue,
                                  @Schema(description = "公式结果按指标的小数位数取舍后的值（单位见 unit）") BigDecimal displayValue,
                                  @Schema(description = "公式结果的计量单位（如 %）") String unit,
                                  @Schema(description = "所用计分规则的说明") String rule,
                                  @Schema(description = "得分的完整说明：公式、代入的数值、结果和所落区间") String explanation,
                                  @Schema(description = "评价人的评分（评分类指标）") Judgement judgement,
                                  @Schema(description = "按绩效目标计分的指标：各目标的得分及说明，按目标表中的次序；"
                                          + "该类别没有目标时为空") List<TargetResult> targets) {

        /** An indicator not scored from targets. */
        public IndicatorResult(String code, String name, String group, BigDecimal maxPoints, BigDecimal points,
                               Status status, String formula, Map<String, BigDecimal> measures, BigDecimal exactValue,
                               BigDecimal displayValue, String unit, String rule, String explanation, Judgement judgement) {
            this(code, name, group, maxPoints, points, status, formula, measures, exactValue, displayValue, unit, rule,
                    explanation, judgement, null);
        }

        /** The status in words, beside its code. */
        @JsonProperty("statusLabel")
        @Schema(description = "计分状态的中文名称（已计分、待评价人评分、缺少数据、无法计算）",
                enumeration = {"已计分", "待评价人评分", "缺少数据", "无法计算"})
        public String statusLabel() {
            return status == null ? null : status.label();
        }
    }

    /**
     * One target scored by the national rules ({@link TargetScoring}): {@code status} SCORED or
     * MISSING_DATA (no actual recorded); {@code maxPoints} its share of the indicator's points.
     */
    @Schema(description = "按国家规则对一个绩效目标的计分")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(value = "statusLabel", allowGetters = true)
    public record TargetResult(@Schema(description = "目标代码（目标表中的编号）") String code,
                               @Schema(description = "目标名称") String name,
                               @Schema(description = "二级类别（如 数量、质量、时效、成本、社会效益、服务对象满意度）") String level2,
                               @Schema(description = "指标方向", enumeration = {"越大越好", "越小越好", "等于", "定性"}) String direction,
                               @Schema(description = "计量单位（如 人、%、万元）") String unitOfMeasure,
                               @Schema(description = "目标值（定量目标）") BigDecimal targetValue,
                               @Schema(description = "目标的文字表述（定性目标，或定量目标的原文）") String targetText,
                               @Schema(description = "计分所用的实际完成值（定量目标）") BigDecimal actualValue,
                               @Schema(description = "实际完成情况的文字表述") String actualText,
                               @Schema(description = "定性目标的完成等级", enumeration = {"达成", "部分达成", "未达成"}) String achievement,
                               @Schema(description = "定性目标的完成比例（%），在完成等级的区间内") BigDecimal achievementPercent,
                               @Schema(description = "计分所用完成值的填报月份（1–12，12 为年终）", minimum = "1", maximum = "12") Integer month,
                               @Schema(description = "该目标的分值（分）：本指标满分按权重或平均分配到该目标，两位小数显示") BigDecimal maxPoints,
                               @Schema(description = "得分（分，两位小数）；缺少完成值时省略") BigDecimal points,
                               @Schema(description = "计分状态：SCORED 已计分，MISSING_DATA 缺少完成值", enumeration = {"SCORED", "MISSING_DATA"}) Status status,
                               @Schema(description = "所用计分规则的说明") String rule,
                               @Schema(description = "得分的说明：目标值、实际值、指标方向和所用规则") String explanation) {

        @JsonProperty("statusLabel")
        @Schema(description = "计分状态的中文名称", enumeration = {"已计分", "缺少数据"})
        public String statusLabel() {
            return status == null ? null : status.label();
        }
    }

    /**
     * A difference between what the unit published and what is computed: {@code kind} is one of
     * GRADE, TOTAL, GROUP_POINTS, INDICATOR_POINTS, PRINTED_FIGURE, PRINTED_VALUE, UNKNOWN_INDICATOR.
     */
    @Schema(description = "单位公布的内容与计算结果的一处差异")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(value = "kindLabel", allowGetters = true)
    public record Inconsistency(@Schema(description = "差异类别", enumeration = {"GRADE", "TOTAL", "GROUP_POINTS",
                                        "INDICATOR_POINTS", "PRINTED_FIGURE", "PRINTED_VALUE", "UNKNOWN_INDICATOR"}) String kind,
                                @Schema(description = "所涉指标或指标组的代码（或公布的指标名称）；涉及总分、等次时省略") String indicator,
                                @Schema(description = "单位公布的内容") String published,
                                @Schema(description = "按数据和评分规则计算的内容；无对应时省略") String computed,
                                @Schema(description = "差异的说明") String message) {

        /** The kind in words, beside its code. */
        @JsonProperty("kindLabel")
        @Schema(description = "差异类别的中文名称", enumeration = {"等次不符", "总分不符", "小计不符", "指标得分不符",
                "印制数据不符", "印制结果不符", "未知指标"})
        public String kindLabel() {
            return kind == null ? null : switch (kind) {
                case "GRADE" -> "等次不符";
                case "TOTAL" -> "总分不符";
                case "GROUP_POINTS" -> "小计不符";
                case "INDICATOR_POINTS" -> "指标得分不符";
                case "PRINTED_FIGURE" -> "印制数据不符";
                case "PRINTED_VALUE" -> "印制结果不符";
                case "UNKNOWN_INDICATOR" -> "未知指标";
                default -> kind;
            };
        }
    }
}
