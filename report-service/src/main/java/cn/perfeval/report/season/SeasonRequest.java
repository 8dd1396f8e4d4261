package cn.perfeval.report.season;

import cn.perfeval.platform.text.UnitCode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The body that opens a county-year's self-evaluation season. */
@Schema(name = "SeasonRequest", description = "开启自评季：指标体系、截止日期、自评质量阈值和参加的单位")
public record SeasonRequest(
        @Schema(description = "各单位评分所用的指标体系代码（评分服务的代码）", example = "xiangtan-county")
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String systemCode,
        @Schema(description = "提交截止日期（yyyy-MM-dd，北京时间）；此日之后仍未提交的单位为逾期", implementation = String.class,
                format = "date", example = "2025-03-31")
        @NotNull LocalDate deadline,
        @Schema(description = "自评质量阈值（分，大于0，至多两位小数）：自评总分与复核总分之差的绝对值超过它时标记", example = "5")
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        BigDecimal deviationThreshold,
        @Schema(description = "参加的单位代码；不给出时为本服务已收到该县该年度预算数据的全部单位")
        @Size(min = 1, max = 2000) List<@NotNull @UnitCode String> unitCodes) {
}
