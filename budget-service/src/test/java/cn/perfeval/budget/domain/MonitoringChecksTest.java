package cn.perfeval.budget.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks of the monthly execution and the targets (BUD-MON-001..003, BUD-TGT-001) and the rule that the
 * spending measures come from the latest month until the year-end actuals are recorded, on a unit-year held
 * in memory.
 */
class MonitoringChecksTest {

    /** A unit-year with a year-start budget of 1000 (basic 800, project 200) and a net adjustment of +100. */
    static UnitYear unitYear() {
        UnitYear uy = new UnitYear();
        ExpenditureRow row = new ExpenditureRow();
        row.code = "201";
        row.name = "一般公共服务支出";
        row.total = new BigDecimal("1000");
        row.basic = new BigDecimal("800");
        row.project = new BigDecimal("200");
        uy.expenditureRows.add(row);
        uy.execution.adjustmentIncrease = new BigDecimal("100");
        uy.execution.adjustmentDecrease = BigDecimal.ZERO;
        return uy;
    }

    static void month(UnitYear uy, int month, String basic, String project) {
        MonthExecution m = new MonthExecution();
        m.unitYear = uy;
        m.month = month;
        m.basicActual = new BigDecimal(basic);
        m.projectActual = new BigDecimal(project);
        uy.months.add(m);
    }

    static Target target(UnitYear uy, String code, String direction, String value) {
        Target t = new Target();
        t.unitYear = uy;
        t.code = code;
        t.level1 = "产出";
        t.level2 = "数量";
        t.name = "指标" + code;
        t.unitOfMeasure = "人";
        t.direction = direction;
        t.targetValue = value == null ? null : new BigDecimal(value);
        t.targetText = value == null ? "定性目标" : null;
        uy.targets.add(t);
        return t;
    }

    static TargetProgress progress(UnitYear uy, String code, int month, String value, String reason) {
        TargetProgress p = new TargetProgress();
        p.unitYear = uy;
        p.targetCode = code;
        p.month = month;
        p.actualValue = value == null ? null : new BigDecimal(value);
        p.deviationReason = reason;
        p.by = "tester";
        uy.targetProgress.add(p);
        return p;
    }

    static List<Finding> findings(UnitYear uy, String ruleId) {
        return Checks.check(uy).stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    @Test
    void aMonthBelowThePreviousOneIsAnError() {
        UnitYear uy = unitYear();
        month(uy, 3, "300", "50");
        month(uy, 4, "290", "60");
        List<Finding> f = findings(uy, "BUD-MON-001");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(f.get(0).table()).isEqualTo(Checks.MONTHLY_EXECUTION);
        assertThat(f.get(0).column()).isEqualTo("basicActual");
        assertThat(f.get(0).expected()).isEqualByComparingTo("300");
        assertThat(f.get(0).actual()).isEqualByComparingTo("290");
        assertThat(f.get(0).message()).contains("4 月", "3 月", "累计数不应减少");
        uy.months.get(1).basicActual = new BigDecimal("300");
        assertThat(findings(uy, "BUD-MON-001")).isEmpty();
    }

    @Test
    void decemberMustBeTheYearEndActual() {
        UnitYear uy = unitYear();
        month(uy, 12, "800", "150");
        uy.execution.basicActual = new BigDecimal("800");
        uy.execution.projectActual = new BigDecimal("160");
        List<Finding> f = findings(uy, "BUD-MON-002");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Finding.Severity.ERROR);
        assertThat(f.get(0).column()).isEqualTo("projectActual");
        assertThat(f.get(0).expected()).isEqualByComparingTo("160");
        assertThat(f.get(0).actual()).isEqualByComparingTo("150");
        assertThat(f.get(0).message()).contains("12 月", "相差 10 万元");
        // not recorded at year end: nothing to compare with
        uy.execution.projectActual = null;
        assertThat(findings(uy, "BUD-MON-002")).isEmpty();
    }

    @Test
    void cumulativeSpendingAboveTheAdjustedBudgetIsAWarning() {
        UnitYear uy = unitYear();
        month(uy, 10, "900", "150");
        assertThat(findings(uy, "BUD-MON-003")).isEmpty();
        month(uy, 11, "950", "160");
        List<Finding> f = findings(uy, "BUD-MON-003");
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Finding.Severity.WARNING);
        assertThat(f.get(0).expected()).isEqualByComparingTo("1100");
        assertThat(f.get(0).actual()).isEqualByComparingTo("1110");
        assertThat(f.get(0).message()).contains("截至 11 月", "超出 10 万元");
        // the year-end rule BUD-EXE-001 does not judge a month's figures
        assertThat(findings(uy, "BUD-EXE-001")).isEmpty();
    }

    @Test
    void aMissedTargetWithoutADeviationReasonIsAWarning() {
        UnitYear uy = unitYear();
        target(uy, "A", Target.LARGER_BETTER, "100");
        target(uy, "B", Target.SMALLER_BETTER, "10");
        target(uy, "C", Target.EQUAL, "5");
        target(uy, "D", Target.LARGER_BETTER, "100");
        target(uy, "E", Target.QUALITATIVE, null);
        target(uy, "F", Target.LARGER_BETTER, "100");
        progress(uy, "A", 12, "90", null);            // missed, no reason
        progress(uy, "B", 12, "12", null);            // above a smaller-is-better target
        progress(uy, "C", 12, "5", null);             // met
        progress(uy, "D", 12, "80", "资金下达较晚");   // missed with a reason
        TargetProgress e = progress(uy, "E", 12, null, null);
        e.achievement = "部分达成";
        e.achievementPercent = new BigDecimal("70");
        progress(uy, "F", 7, "30", null);              // only July: not judged
        List<Finding> f = findings(uy, "BUD-TGT-001");
        assertThat(f).extracting(Finding::code).containsExactly("A", "B", "E");
        assertThat(f).allMatch(x -> x.severity() == Finding.Severity.WARNING && x.table().equals(Checks.TARGETS));
        assertThat(f.get(0).message()).contains("指标A", "90人", "100人", "偏差原因");
        assertThat(f.get(2).message()).contains("部分达成");
    }

    @Test
    void theSpendingMeasuresComeFromTheLatestMonthUntilTheYearEndActualsAreRecorded() {
        UnitYear uy = unitYear();
        month(uy, 6, "400", "80");
        month(uy, 7, "470", "95.5");
        var m = MeasureCalculator.compute(uy);
        assertThat(MeasureCalculator.isYearEnd(uy)).isFalse();
        assertThat(MeasureCalculator.asOfMonth(uy)).isEqualTo(7);
        assertThat(m.get(Measure.basicActual)).isEqualByComparingTo("470");
        assertThat(m.get(Measure.projectActual)).isEqualByComparingTo("95.5");
        assertThat(m.get(Measure.totalActual)).isEqualByComparingTo("565.5");
        // one year-end figure alone is not the year's: still the month
        uy.execution.basicActual = new BigDecimal("800");
        assertThat(MeasureCalculator.compute(uy).get(Measure.basicActual)).isEqualByComparingTo("470");
        uy.execution.projectActual = new BigDecimal("190");
        m = MeasureCalculator.compute(uy);
        assertThat(MeasureCalculator.isYearEnd(uy)).isTrue();
        assertThat(m.get(Measure.basicActual)).isEqualByComparingTo("800");
        assertThat(m.get(Measure.totalActual)).isEqualByComparingTo("990");
    }
}
