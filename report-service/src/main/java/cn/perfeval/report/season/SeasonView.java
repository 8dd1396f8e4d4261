package cn.perfeval.report.season;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A season's settings with the number of its tasks in each state. */
@Schema(name = "Season", description = "县某年度的自评季：设置和各状态的任务数")
public record SeasonView(
        @Schema(description = "自评季编号", example = "1") long id,
        @Schema(description = "县", example = "湘潭县") String county,
        @Schema(description = "年度", example = "2024") int year,
        @Schema(description = "指标体系代码", example = "xiangtan-county") String systemCode,
        @Schema(description = "提交截止日期", implementation = String.class, format = "date") LocalDate deadline,
        @Schema(description = "自评质量阈值（分）") BigDecimal deviationThreshold,
        @Schema(description = "版本号（即 ETag）") long version,
        @Schema(description = "开启人") String createdBy,
        @Schema(description = "开启时间（UTC）", implementation = String.class, format = "date-time") OffsetDateTime createdAt,
        @Schema(description = "任务总数") int units,
        @Schema(description = "逾期的任务数（截止日期已过而未提交或退回后未重新提交）") int overdue,
        @Schema(description = "各状态的任务数，每个状态一项（含0）") List<StateCount> states) {

    @Schema(name = "SeasonStateCount", description = "某状态的任务数")
    public record StateCount(
            @Schema(description = "状态代码", example = "SUBMITTED") String state,
            @Schema(description = "状态名称", example = "已提交") String label,
            @Schema(description = "任务数") int count) {
    }
}
