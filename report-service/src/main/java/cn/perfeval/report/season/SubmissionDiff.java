package cn.perfeval.report.season;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** What differs between a submission and the unit-year now. */
@Schema(name = "SubmissionDiff", description = "提交时与现在的差异：版本、总分等次、得分有变化的指标、有变化的文字材料部分、新增或消失的审核发现，以及一句话概述")
public record SubmissionDiff(
        @Schema(description = "单位代码", example = "101001") String unitCode,
        @Schema(description = "年度", example = "2024") int year,
        @Schema(description = "提交序号", example = "1") int number,
        @Schema(description = "概述，如：自提交以来预算数据已更新（第5版→第6版），总分未变") String summary,
        @Schema(description = "是否有任何差异") boolean changed,
        @Schema(description = "预算数据、评分、文字材料和指标体系的版本：提交时与现在") List<VersionChange> versions,
        @Schema(description = "提交时的总分") BigDecimal submittedTotal,
        @Schema(description = "现在的总分；现在没有该指标体系的评分时为空") BigDecimal nowTotal,
        @Schema(description = "提交时的等次") String submittedGrade,
        @Schema(description = "现在的等次") String nowGrade,
        @Schema(description = "得分有变化的指标") List<IndicatorChange> indicators,
        @Schema(description = "有变化的文字材料部分") List<SectionChange> narrativeSections,
        @Schema(description = "新增或消失的错误、警告级审核发现") List<FindingChange> findings) {

    @Schema(name = "SubmissionVersionChange", description = "一项版本：提交时与现在")
    public record VersionChange(
            @Schema(description = "哪一项：budget、score、narrative、system") String what,
            @Schema(description = "名称：预算数据、评分、文字材料、指标体系") String label,
            @Schema(description = "提交时的版本；没有时为空") Long submitted,
            @Schema(description = "现在的版本；没有时为空") Long now,
            @Schema(description = "是否不同") boolean changed) {
    }

    @Schema(name = "SubmissionIndicatorChange", description = "得分有变化的一个指标")
    public record IndicatorChange(
            @Schema(description = "指标代码") String code,
            @Schema(description = "指标名称") String name,
            @Schema(description = "提交时的得分；当时未计分为空") BigDecimal submittedPoints,
            @Schema(description = "现在的得分；未计分为空") BigDecimal nowPoints) {
    }

    @Schema(name = "SubmissionSectionChange", description = "有变化的一个文字材料部分")
    public record SectionChange(
            @Schema(description = "部分的字段名，如 overview") String section,
            @Schema(description = "部分的名称，如 一、工作概述") String label,
            @Schema(description = "提交时的文字") String submitted,
            @Schema(description = "现在的文字") String now) {
    }

    @Schema(name = "SubmissionFindingChange", description = "新增或消失的一条审核发现")
    public record FindingChange(
            @Schema(description = "ADDED 新增，GONE 消失") String change,
            @Schema(description = "严重程度：ERROR 或 WARNING") String severity,
            @Schema(description = "规则编号") String ruleId,
            @Schema(description = "发现的说明") String message) {
    }
}
