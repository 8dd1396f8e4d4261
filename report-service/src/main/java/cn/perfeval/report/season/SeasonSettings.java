package cn.perfeval.report.season;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The settings of an open season that may change while it runs: the deadline and the deviation threshold. The
 * indicator system and the units stay as opened (the scores and the tasks are bound to them).
 */
@Schema(name = "SeasonSettings", description = "自评季开启后可修改的设置：提交截止日期和自评质量阈值（指标体系和参加的单位不能修改）")
public record SeasonSettings(
        @Schema(description = "提交截止日期（yyyy-MM-dd，北京时间）；此日之后仍未提交的单位为逾期", implementation = String.class,
                format = "date", example = "2025-04-30")
        @NotNull LocalDate deadline,
        @Schema(description = "自评质量阈值（分，大于0，至多两位小数）：自评总分与复核总分之差的绝对值超过它时标记", example = "5")
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        BigDecimal deviationThreshold) {
}
