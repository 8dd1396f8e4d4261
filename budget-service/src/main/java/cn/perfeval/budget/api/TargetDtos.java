package cn.perfeval.budget.api;

import cn.perfeval.budget.domain.MeasureCalculator;
import cn.perfeval.budget.domain.MonthExecution;
import cn.perfeval.budget.domain.Target;
import cn.perfeval.budget.domain.TargetProgress;
import cn.perfeval.budget.domain.UnitYear;
import cn.perfeval.platform.text.PlainName;
import cn.perfeval.platform.text.PlainText;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Request and response bodies of a unit-year's performance targets (绩效目标表, with the actual values
 * recorded during and after the year) and of its monthly execution (分月累计支出).
 */
public final class TargetDtos {

    private TargetDtos() {
    }

    /** Target codes: letters, digits and . _ - (as CC-01), at most 40 characters. */
    public static final String TARGET_CODE_REGEX = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
    public static final String TARGET_CODE_MESSAGE = "指标编码应为 1–40 位字母、数字或 . _ -，以字母或数字开头（如 CC-01）";
    static final String LEVEL1_MESSAGE = "一级指标应为 产出、效益 或 满意度";
    static final String DIRECTION_MESSAGE = "指标方向应为 越大越好、越小越好、等于 或 定性";
    static final String ACHIEVEMENT_MESSAGE = "完成等级应为 达成、部分达成 或 未达成";
    static final String VALUE_DIGITS = "整数部分至多 13 位，小数至多 4 位";

    // ------------------------------------------------------------------ 绩效目标表

    /** The target table of a unit-year, replaced as a whole. */
    @Schema(name = "TargetTable", description = "绩效目标表：年度总体目标和各项绩效指标（整体替换；编码不变的指标保留其已记录的完成值）")
    public record TargetTable(
            @Schema(description = "年度总体目标（至多 2000 字）", example = "完成财政总收入4300万元以上，群众满意度达到90%以上。")
            @Size(max = 2000, message = "年度总体目标至多 2000 字") @PlainText String overallGoal,
            @Schema(description = "绩效指标（至多 200 项），按给出的顺序；指标编码不得重复")
            @NotNull(message = "须给出绩效指标（可为空列表）") @Size(max = 200, message = "绩效指标至多 200 项")
            List<@NotNull(message = "绩效指标不能为空") @Valid TargetDto> indicators) {
    }

    @Schema(name = "Target", description = "一项绩效指标：一级、二级指标，三级指标名称，计量单位，指标值（定量为数字，定性为文字），指标方向和分值")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetDto(
            @Schema(description = "指标编码，在本表中唯一；1–40 位字母、数字或 . _ -", example = "CC-01")
            @NotNull(message = "须给出指标编码") @Pattern(regexp = TARGET_CODE_REGEX, message = TARGET_CODE_MESSAGE) String code,
            @Schema(description = "一级指标", enumeration = {"产出", "效益", "满意度"}, example = "产出")
            @NotNull(message = LEVEL1_MESSAGE) @Pattern(regexp = "产出|效益|满意度", message = LEVEL1_MESSAGE) String level1,
            @Schema(description = "二级指标：产出为 数量、质量、时效、成本；效益为 经济效益、社会效益、生态效益、可持续影响；满意度为 服务对象满意度",
                    enumeration = {"数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响", "服务对象满意度"},
                    example = "数量")
            @NotNull(message = "须给出二级指标") String level2,
            @Schema(description = "三级指标名称", example = "城乡居民医疗保险参保人数")
            @NotBlank(message = "须给出三级指标名称") @Size(max = 200, message = "三级指标名称至多 200 字") @PlainName String name,
            @Schema(description = "计量单位（定性指标可不填）", example = "人")
            @Size(max = 20, message = "计量单位至多 20 字") @PlainName String unitOfMeasure,
            @Schema(description = "指标值（定量指标必填，不能为负数；定性指标不填）", example = "42906")
            @DecimalMin(value = "0", message = "指标值不能为负数") @Digits(integer = 13, fraction = 4, message = "指标值" + VALUE_DIGITS)
            BigDecimal targetValue,
            @Schema(description = "指标值的文字表述（定性指标必填；定量指标可附，如印发的表上所写）", example = "防止返贫监测帮扶机制有效运行，不发生规模性返贫")
            @Size(max = 1000, message = "指标值的文字表述至多 1000 字") @PlainText String targetText,
            @Schema(description = "指标方向", enumeration = {"越大越好", "越小越好", "等于", "定性"}, example = "越大越好")
            @NotNull(message = DIRECTION_MESSAGE) @Pattern(regexp = "越大越好|越小越好|等于|定性", message = DIRECTION_MESSAGE) String direction,
            @Schema(description = "分值（权重，0–100）；目标表不给分值时不填", example = "7")
            @DecimalMin(value = "0", message = "分值不能为负数") @DecimalMax(value = "100", message = "分值至多 100")
            @Digits(integer = 3, fraction = 2, message = "分值至多 2 位小数") BigDecimal weight) {

        public static TargetDto of(Target t) {
            return new TargetDto(t.code, t.level1, t.level2, t.name, t.unitOfMeasure, t.targetValue, t.targetText,
                    t.direction, t.weight);
        }
    }

    /** The actual value of a target as of a month, as a request gives it. */
    @Schema(name = "TargetProgressRequest", description = "某月末一项指标的完成值：定量指标给 actualValue；定性指标给完成等级、得分比例和完成情况；未完成时给偏差原因")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProgressRequest(
            @Schema(description = "完成值（定量指标必填，不能为负数）", example = "41851")
            @DecimalMin(value = "0", message = "完成值不能为负数") @Digits(integer = 13, fraction = 4, message = "完成值" + VALUE_DIGITS)
            BigDecimal actualValue,
            @Schema(description = "完成情况的文字表述（定性指标必填）", example = "核处风险预警90条，未发生规模性返贫")
            @Size(max = 1000, message = "完成情况至多 1000 字") @PlainText String actualText,
            @Schema(description = "完成等级（定性指标必填）：达成 80–100%、部分达成 60–80%、未达成 0–60% 的分值",
                    enumeration = {"达成", "部分达成", "未达成"}, example = "达成")
            @Pattern(regexp = "达成|部分达成|未达成", message = ACHIEVEMENT_MESSAGE) String achievement,
            @Schema(description = "得分比例（%，定性指标必填），须在完成等级的区间内", example = "85")
            @DecimalMin(value = "0", message = "得分比例不能为负数") @DecimalMax(value = "100", message = "得分比例至多 100")
            @Digits(integer = 3, fraction = 2, message = "得分比例至多 2 位小数") BigDecimal achievementPercent,
            @Schema(description = "偏差原因（未完成目标时说明）", example = "部分外出务工人员在务工地参保")
            @Size(max = 1000, message = "偏差原因至多 1000 字") @PlainText String deviationReason) {
    }

    @Schema(name = "TargetProgress", description = "一项指标某月末的完成值，及记录人和记录时间")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProgressView(
            @Schema(description = "月份（1–12；12 为全年）", example = "12") int month,
            @Schema(description = "完成值（定量指标）", example = "41851") BigDecimal actualValue,
            @Schema(description = "完成情况的文字表述") String actualText,
            @Schema(description = "完成等级（定性指标）", enumeration = {"达成", "部分达成", "未达成"}) String achievement,
            @Schema(description = "得分比例（%，定性指标）") BigDecimal achievementPercent,
            @Schema(description = "偏差原因") String deviationReason,
            @Schema(description = "记录人", example = "zhang.san") String by,
            @Schema(description = "记录时间", example = "2024-08-05T09:30:00+08:00") OffsetDateTime at) {

        public static ProgressView of(TargetProgress p) {
            return new ProgressView(p.month, p.actualValue, p.actualText, p.achievement, p.achievementPercent,
                    p.deviationReason, p.by, p.at);
        }
    }

    @Schema(name = "TargetWithProgress", description = "一项绩效指标及其各月的完成值")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetView(
            @Schema(description = "指标编码", example = "CC-01") String code,
            @Schema(description = "一级指标", enumeration = {"产出", "效益", "满意度"}) String level1,
            @Schema(description = "二级指标", example = "数量") String level2,
            @Schema(description = "三级指标名称", example = "城乡居民医疗保险参保人数") String name,
            @Schema(description = "计量单位", example = "人") String unitOfMeasure,
            @Schema(description = "指标值（定量指标）", example = "42906") BigDecimal targetValue,
            @Schema(description = "指标值的文字表述") String targetText,
            @Schema(description = "指标方向", enumeration = {"越大越好", "越小越好", "等于", "定性"}) String direction,
            @Schema(description = "分值（权重）", example = "7") BigDecimal weight,
            @Schema(description = "已记录的完成值，按月份；最后一项为当前的完成值（12 月为全年）") List<ProgressView> progress) {

        public static TargetView of(Target t, UnitYear uy) {
            return new TargetView(t.code, t.level1, t.level2, t.name, t.unitOfMeasure, t.targetValue, t.targetText,
                    t.direction, t.weight, uy.progressOf(t.code).stream().map(ProgressView::of).toList());
        }
    }

    @Schema(name = "TargetsView", description = "单位年度的绩效目标表及各项指标的完成值")
    public record TargetsView(
            String unitCode,
            int year,
            @Schema(description = "单位年度数据的版本号，与 ETag 相同；每次修改加一", example = "5") long version,
            @Schema(description = "年度总体目标；未填时为空", nullable = true) String overallGoal,
            @Schema(description = "绩效指标，按目标表的顺序") List<TargetView> indicators) {

        public static TargetsView of(UnitYear uy) {
            return new TargetsView(uy.unit.code, uy.fiscalYear, uy.version, uy.overallGoal,
                    uy.targets.stream().map(t -> TargetView.of(t, uy)).toList());
        }
    }

    // ------------------------------------------------------------------ 分月执行

    @Schema(name = "MonthlyExecution", description = "分月累计支出：每月为 1 月至该月末的累计实际支出，基本支出和项目支出，可按功能分类科目（整体替换）")
    public record MonthlyExecution(
            @Schema(description = "金额单位：万元或元（元按 1 万元 = 10000 元精确换算）；不给出时为万元")
            AmountUnit amountUnit,
            @Schema(description = "各月（至多 12 个，月份不得重复）；按月份排列时累计数不得减少")
            @NotNull(message = "须给出各月数据（可为空列表）") @Size(max = 12, message = "至多 12 个月")
            List<@NotNull(message = "月份数据不能为空") @Valid MonthDto> months) {
    }

    @Schema(name = "MonthExecution", description = "1 月至该月末的累计实际支出")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MonthDto(
            @Schema(description = "月份（1–12）", example = "7")
            @NotNull(message = "须给出月份") @Min(value = 1, message = "月份应为 1–12") @Max(value = 12, message = "月份应为 1–12") Integer month,
            @Schema(description = "基本支出累计" + UnitYearDtos.AMOUNT, example = "1971.92")
            @NotNull(message = "须给出基本支出累计") @DecimalMin(value = "0", message = "基本支出累计不能为负数") @Amount BigDecimal basicActual,
            @Schema(description = "项目支出累计" + UnitYearDtos.AMOUNT, example = "292.4")
            @NotNull(message = "须给出项目支出累计") @DecimalMin(value = "0", message = "项目支出累计不能为负数") @Amount BigDecimal projectActual,
            @Schema(description = "按功能分类科目的累计实际支出（可不给）；每个款、项须与其上级科目同在表中")
            @Size(max = 2000) List<UnitYearDtos.@NotNull @Valid ExecutionRowDto> byFunction) {

        public static MonthDto of(MonthExecution m) {
            return new MonthDto(m.month, m.basicActual, m.projectActual, m.byFunction.isEmpty() ? null
                    : m.byFunction.stream().map(r -> new UnitYearDtos.ExecutionRowDto(r.code, r.name, r.basicActual,
                    r.projectActual)).toList());
        }
    }

    @Schema(name = "MonthRequest", description = "一个月的累计实际支出（1 月至该月末）")
    public record MonthRequest(
            @Schema(description = "金额单位：万元或元；不给出时为万元")
            AmountUnit amountUnit,
            @Schema(description = "基本支出累计" + UnitYearDtos.AMOUNT, example = "1971.92")
            @NotNull(message = "须给出基本支出累计") @DecimalMin(value = "0", message = "基本支出累计不能为负数") @Amount BigDecimal basicActual,
            @Schema(description = "项目支出累计" + UnitYearDtos.AMOUNT, example = "292.4")
            @NotNull(message = "须给出项目支出累计") @DecimalMin(value = "0", message = "项目支出累计不能为负数") @Amount BigDecimal projectActual,
            @Schema(description = "按功能分类科目的累计实际支出（可不给）")
            @Size(max = 2000) List<UnitYearDtos.@NotNull @Valid ExecutionRowDto> byFunction) {
    }

    @Schema(name = "Period", description = "数据所及的时点")
    public record PeriodView(
            @Schema(description = "是否已记录年终实际支出（预算执行情况中的基本支出和项目支出）") boolean yearEnd,
            @Schema(description = "分月数据的最近月份；没有分月数据时为空", nullable = true, example = "7") Integer asOfMonth) {

        public static PeriodView of(UnitYear uy) {
            return new PeriodView(MeasureCalculator.isYearEnd(uy), MeasureCalculator.asOfMonth(uy));
        }
    }

    @Schema(name = "MonthlyExecutionView", description = "单位年度的分月累计支出（万元）")
    public record MonthlyExecutionView(
            String unitCode,
            int year,
            @Schema(description = "单位年度数据的版本号，与 ETag 相同；每次修改加一", example = "5") long version,
            @Schema(description = "金额单位，总是万元", enumeration = {"万元"}) String amountUnit,
            @Schema(description = "数据所及的时点") PeriodView period,
            @Schema(description = "各月，按月份") List<MonthDto> months) {

        public static MonthlyExecutionView of(UnitYear uy) {
            return new MonthlyExecutionView(uy.unit.code, uy.fiscalYear, uy.version, AmountUnit.STORED,
                    PeriodView.of(uy), uy.monthsInOrder().stream().map(MonthDto::of).toList());
        }
    }
}
