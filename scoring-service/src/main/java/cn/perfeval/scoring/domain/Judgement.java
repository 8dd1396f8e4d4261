package cn.perfeval.scoring.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An evaluator's judgement of a judged indicator: the points awarded (and, when given so, the
 * deduction from the maximum they came from), the reason, the evidence, who judged and when.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Judgement(BigDecimal points, BigDecimal deduction, String reason, String evidence, String by,
                        OffsetDateTime at) {
}
