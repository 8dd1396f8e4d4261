package cn.perfeval.report.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The monitoring settings of a county-year (绩效运行监控): the thresholds of the findings in percentage points
 * and, optionally, the county's time-progress line. Without settings the defaults apply (10 and 20 points, m/12).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "县某年度的绩效运行监控设置：预警阈值（百分点）和可选的分月序时进度")
public record MonitoringSettings(
        @Schema(description = "预算执行预警阈值（百分点）：执行率低于序时进度超过此数时列为偏差；未设置时为10", minimum = "0", maximum = "100")
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal executionGapThreshold,
        @Schema(description = "绩效目标预警阈值（百分点）：目标完成进度低于应完成进度超过此数时列为滞后；未设置时为20", minimum = "0", maximum = "100")
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal targetGapThreshold,
        @Schema(description = "分月序时进度（%）：1至12月末累计应达到的进度，共12个数，逐月不减，第12个为100；不给出时按月均（第m月为 m/12×100）",
                minItems = 12, maxItems = 12)
        List<@NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal> schedule) {

    public static final BigDecimal DEFAULT_EXECUTION_GAP = new BigDecimal("10");
    public static final BigDecimal DEFAULT_TARGET_GAP = new BigDecimal("20");

    public static MonitoringSettings defaults() {
        return new MonitoringSettings(DEFAULT_EXECUTION_GAP, DEFAULT_TARGET_GAP, null);
    }

    /** The settings as stored, with their version (0 and {@code defaulted} when none are set). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MonitoringSettingsView", description = "县某年度的绩效运行监控设置及其版本；未设置时为默认值")
    public record View(
            @Schema(description = "县名") String county,
            @Schema(description = "年度") int year,
            @Schema(description = "预算执行预警阈值（百分点）") BigDecimal executionGapThreshold,
            @Schema(description = "绩效目标预警阈值（百分点）") BigDecimal targetGapThreshold,
            @Schema(description = "分月序时进度（%，1至12月）；未设置时省略，按月均") List<BigDecimal> schedule,
            @Schema(description = "设置的版本号（每次保存加1；未设置时为0），即 ETag 中的版本号") long version,
            @Schema(description = "是否尚未设置、使用默认值") boolean defaulted,
            @Schema(description = "保存时间；未设置时省略", format = "date-time") OffsetDateTime updatedAt,
            @Schema(description = "保存人；未设置时省略") String updatedBy) {

        public MonitoringSettings settings() {
            return new MonitoringSettings(executionGapThreshold, targetGapThreshold, schedule);
        }
    }
}
