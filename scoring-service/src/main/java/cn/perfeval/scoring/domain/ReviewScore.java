package cn.perfeval.scoring.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The county's review score (复核得分) of a unit-year under one system, beside its self-score: the self
 * total with each re-scored leaf's points replaced by the evaluator's (a leaf without self points counts 0
 * in the self total and its review points in the review total), graded under the same system's bands;
 * deviations are self minus review. Pure: no I/O, same inputs, same review.
 */
@Schema(description = "县级复核得分：以自评得分为基础，将评价人复核的指标改按复核得分计算，并给出与自评的偏差")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewScore(@Schema(description = "复核总分（分）") BigDecimal total,
                          @Schema(description = "满分（分）") BigDecimal maxTotal,
                          @Schema(description = "复核等次，按同一指标体系的等次标准由复核总分得出") String grade,
                          @Schema(description = "自评总分（分），即本次计分的总分") BigDecimal selfTotal,
                          @Schema(description = "自评等次") String selfGrade,
                          @Schema(description = "偏差（分）：自评总分减复核总分，正数为自评偏高") BigDecimal deviation,
                          @Schema(description = "复核结果的中文说明") String explanation,
                          @Schema(description = "评价人复核的指标，按指标体系中的次序") List<ReviewedIndicator> indicators) {

    /** A current review judgement, as the computation needs it. */
    public record ReviewJudgement(BigDecimal points, String reason, String evidence, String by, OffsetDateTime at) {
    }

    /** One re-scored indicator: self and review points side by side. */
    @Schema(description = "评价人复核的一个指标：自评得分、复核得分及其偏差")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewedIndicator(@Schema(description = "指标代码") String code,
                                    @Schema(description = "指标名称") String name,
                                    @Schema(description = "指标满分（分）") BigDecimal maxPoints,
                                    @Schema(description = "自评得分（分）；自评未计分（如待评价人评分、缺少数据）时省略",
                                            nullable = true) BigDecimal selfPoints,
                                    @Schema(description = "复核得分（分）") BigDecimal reviewPoints,
                                    @Schema(description = "偏差（分）：自评得分减复核得分；自评未计分时省略", nullable = true)
                                    BigDecimal deviation,
                                    @Schema(description = "复核理由") String reason,
                                    @Schema(description = "依据") String evidence,
                                    @Schema(description = "复核人（令牌中的用户名）") String by,
                                    @Schema(description = "复核评分的记录时间", format = "date-time") OffsetDateTime at,
                                    @Schema(description = "复核的中文说明，如 “复核得分 38 分，自评 42 分，自评偏高 4 分。理由：…”")
                                    String explanation) {
    }

    /**
     * The review of a self-score, or null when no current review judgement concerns a leaf of the
     * result's system version (a review of an indicator the version does not have is left out).
     */
    public static ReviewScore of(IndicatorSystem system, ScoreResult self, Map<String, ReviewJudgement> reviews) {
        if (reviews == null || reviews.isEmpty()) {
            return null;
        }
        List<ReviewedIndicator> reviewed = new ArrayList<>();
        BigDecimal total = self.total();
        for (ScoreResult.IndicatorResult i : self.indicators()) {
            ReviewJudgement r = reviews.get(i.code());
            if (r == null) {
                continue;
            }
            BigDecimal selfPoints = i.points();
            BigDecimal deviation = selfPoints == null ? null : selfPoints.subtract(r.points());
            total = total.subtract(selfPoints == null ? BigDecimal.ZERO : selfPoints).add(r.points());
            reviewed.add(new ReviewedIndicator(i.code(), i.name(), i.maxPoints(), selfPoints, r.points(), deviation,
                    r.reason(), r.evidence(), r.by(), r.at(), explain(selfPoints, r, deviation)));
        }
        if (reviewed.isEmpty()) {
            return null;
        }
        BigDecimal deviation = self.total().subtract(total);
        String grade = system.gradeOf(total);
        String explanation = "复核 " + reviewed.size() + " 个指标，复核得分 " + plain(total) + " 分（" + grade + "），自评 "
                + plain(self.total()) + " 分（" + self.grade() + "），" + direction(deviation);
        return new ReviewScore(total, self.maxTotal(), grade, self.total(), self.grade(), deviation, explanation,
                List.copyOf(reviewed));
    }

    private static String explain(BigDecimal selfPoints, ReviewJudgement r, BigDecimal deviation) {
        String head = "复核得分 " + plain(r.points()) + " 分，"
                + (selfPoints == null ? "自评未计分（按 0 分计入自评总分）" : "自评 " + plain(selfPoints) + " 分，" + direction(deviation));
        return head + "。理由：" + r.reason() + (r.evidence() == null || r.evidence().isBlank() ? "" : "（依据：" + r.evidence() + "）");
    }

    /** "自评偏高 4 分", "自评偏低 2 分", "与复核一致". */
    private static String direction(BigDecimal deviation) {
        return switch (deviation.signum()) {
            case 0 -> "与复核一致";
            case 1 -> "自评偏高 " + plain(deviation) + " 分";
            default -> "自评偏低 " + plain(deviation.negate()) + " 分";
        };
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
