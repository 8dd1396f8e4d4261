package cn.perfeval.report.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * The in-year monitoring (绩效运行监控) of a unit-year at a month: budget execution against the time-progress
 * line, the completion of each performance target, the findings and the projected result. Made from the read
 * model alone; the same inputs give the same content.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "单位某年度截至某月的绩效运行监控结果：预算执行与序时进度、各绩效目标完成情况、偏差发现和全年预计得分")
public record UnitMonitoring(
        @Schema(description = "单位代码（统一社会信用代码）") String unitCode,
        @Schema(description = "单位名称") String unitName,
        @Schema(description = "所属县") String county,
        @Schema(description = "年度") int year,
        @Schema(description = "监控月份（1至12）：截至该月末", minimum = "1", maximum = "12") int month,
        @Schema(description = "所用的预警阈值和序时进度") Thresholds settings,
        @Schema(description = "预算执行情况") Execution execution,
        @Schema(description = "年度总体绩效目标（文字）；未设定时省略") String overallGoal,
        @Schema(description = "各绩效目标的完成情况，按目标表的顺序") List<TargetCompletion> targets,
        @Schema(description = "完成进度滞后的目标名称，按目标表的顺序") List<String> laggingTargets,
        @Schema(description = "偏差发现，先预算执行、后绩效目标") List<Finding> findings,
        @Schema(description = "全年预计完成情况：该县指定指标体系下的最新得分；尚无评分时省略") Projection projection,
        @Schema(description = "所依据的预算数据版本号") long budgetVersion) {

    /** The thresholds and time-progress line the figures were judged by. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MonitoringThresholds", description = "监控所用的预警阈值（百分点）和序时进度来源")
    public record Thresholds(
            @Schema(description = "预算执行预警阈值（百分点）") BigDecimal executionGapThreshold,
            @Schema(description = "绩效目标预警阈值（百分点）") BigDecimal targetGapThreshold,
            @Schema(description = "序时进度是否按县设定的分月进度（否则按月均 m/12）") boolean scheduled,
            @Schema(description = "监控设置的版本号（未设置、使用默认值时为0）") long version) {
    }

    /** Budget execution to the end of the month. Amounts in 万元, rates in %, the gap in percentage points. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MonitoringExecution", description = "截至监控月份的预算执行情况；金额单位万元，比率为%，差距为百分点")
    public record Execution(
            @Schema(description = "调整后预算（万元）；无调整时为年初预算；均未录入时省略") BigDecimal adjustedBudget,
            @Schema(description = "截至该月基本支出累计（万元）；该月未报送时省略") BigDecimal basicActual,
            @Schema(description = "截至该月项目支出累计（万元）；该月未报送时省略") BigDecimal projectActual,
            @Schema(description = "截至该月累计支出合计（万元）；该月未报送时省略") BigDecimal totalActual,
            @Schema(description = "预算执行率（%）= 累计支出 ÷ 调整后预算 × 100，保留两位小数；无法计算时省略") BigDecimal executionRate,
            @Schema(description = "序时进度（%）：县设定的该月进度，或 月份 ÷ 12 × 100，保留两位小数") BigDecimal timeProgress,
            @Schema(description = "差距（百分点）= 序时进度 − 执行率；为正表示落后于序时进度；无法计算时省略") BigDecimal gap,
            @Schema(description = "该月的分月执行数据是否已报送（12月也可为年终实际支出）") boolean reported,
            @Schema(description = "执行率是否落后序时进度超过预算执行预警阈值") boolean behind,
            @Schema(description = "累计支出的来源说明（如“7月分月执行数据”“年终实际支出”）；未报送时省略") String source) {
    }

    /** One target's completion at the month. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MonitoringTargetCompletion", description = "一项绩效目标截至监控月份的完成情况")
    public record TargetCompletion(
            @Schema(description = "目标代码（目标表中的编号）") String code,
            @Schema(description = "一级指标：产出、效益、满意度") String level1,
            @Schema(description = "二级指标，如数量、质量、时效、成本、经济效益") String level2,
            @Schema(description = "三级指标（目标名称）") String name,
            @Schema(description = "计量单位；无时省略") String unitOfMeasure,
            @Schema(description = "方向：越大越好、越小越好、等于、定性") String direction,
            @Schema(description = "全年目标值；定性目标省略") BigDecimal targetValue,
            @Schema(description = "定性目标的文字") String targetText,
            @Schema(description = "指标值，按印出的样子（如“≥315人”）") String targetLabel,
            @Schema(description = "是否按序时比较（累计类指标：数量，及计量单位不是%的经济效益；越小越好的非比率指标）") boolean proRata,
            @Schema(description = "截至该月应完成的值：按序时为全年目标的 m/12，否则为目标值；定性目标省略") BigDecimal expectedValue,
            @Schema(description = "所用完成值的录入月份；尚无完成值时省略") Integer actualMonth,
            @Schema(description = "完成值；定性目标省略") BigDecimal actualValue,
            @Schema(description = "完成情况的文字（定性目标）") String actualText,
            @Schema(description = "定性目标的评定：达成、部分达成、未达成") String achievement,
            @Schema(description = "完成值，按印出的样子（如“142人”“部分达成（70%）”）；尚无完成值时省略") String actualLabel,
            @Schema(description = "完成进度（%）：完成值 ÷ 应完成值 × 100（越小越好为 应完成值 ÷ 完成值 × 100，至多100），定性目标为评定的百分比；尚无完成值时省略") BigDecimal completion,
            @Schema(description = "状态代码：ON_TRACK 正常，LAGGING 滞后，NO_ACTUAL 尚无完成值",
                    enumeration = {"ON_TRACK", "LAGGING", "NO_ACTUAL"}) String status,
            @Schema(description = "状态的中文说明（正常、滞后、尚无完成值）") String statusLabel,
            @Schema(description = "截至该月录入的偏差原因；未录入时省略") String deviationReason) {
    }

    /** A finding: a stable code for programs, the message for people. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MonitoringFinding", description = "一项监控发现")
    public record Finding(
            @Schema(description = "发现的代码（供程序使用）：MON-EXEC-001 执行落后序时进度超过阈值，MON-EXEC-002 该月执行数据未报送，"
                    + "MON-EXEC-003 预算未录入，MON-TGT-001 目标完成滞后，MON-TGT-002 目标尚无完成值",
                    enumeration = {"MON-EXEC-001", "MON-EXEC-002", "MON-EXEC-003", "MON-TGT-001", "MON-TGT-002"}) String code,
            @Schema(description = "所涉目标的代码；预算执行的发现省略") String targetCode,
            @Schema(description = "说明（中文）") String message) {
    }

    /** The latest score of the unit-year under its county's system, with what it rests on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MonitoringProjection", description = "全年预计完成情况：指定指标体系下按现有数据计算的最新得分")
    public record Projection(
            @Schema(description = "是否为预计得分（预算数据不是年终数据）") boolean projected,
            @Schema(description = "预计得分所依据的最新执行月份；年终得分或无分月数据时省略") Integer asOfMonth,
            @Schema(description = "得分的标签：预计得分（截至N月）或年终得分") String label,
            @Schema(description = "得分（分）") BigDecimal total,
            @Schema(description = "满分（分）") BigDecimal maxTotal,
            @Schema(description = "等次") String grade,
            @Schema(description = "是否所有指标均已得分") boolean complete,
            @Schema(description = "指标体系代码") String systemCode,
            @Schema(description = "指标体系名称") String systemName,
            @Schema(description = "评分版本号") long scoreVersion,
            @Schema(description = "得分尚缺的数据，每项一条") List<Missing> missing) {
    }

    @Schema(name = "MonitoringMissing", description = "得分尚缺的一项数据")
    public record Missing(
            @Schema(description = "指标代码") String indicator,
            @Schema(description = "所缺数据的名称") String item,
            @Schema(description = "说明（中文）") String message) {
    }
}
