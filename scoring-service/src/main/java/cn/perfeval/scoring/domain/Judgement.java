package cn.perfeval.scoring.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An evaluator's judgement of a judged indicator: the points awarded (and, when given so, the
 * deduction from the maximum they came from), the reason, the evidence, who judged and when.
 */
@Schema(description = "评价人的评分")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Judgement(@Schema(description = "得分（分）") BigDecimal points,
                        @Schema(description = "自满分扣除的分数（分）") BigDecimal deduction,
                        @Schema(description = "评分理由") String reason,
                        @Schema(description = "依据") String evidence,
                        @Schema(description = "评价人") String by,
                        @Schema(description = "评分时间", format = "date-time") OffsetDateTime at) {
}
