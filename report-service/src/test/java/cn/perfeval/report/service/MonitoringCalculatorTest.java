package cn.perfeval.report.service;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.BudgetUnitYearChanged.MonthExecution;
import cn.perfeval.events.BudgetUnitYearChanged.Target;
import cn.perfeval.events.BudgetUnitYearChanged.TargetProgress;
import cn.perfeval.events.EventCodec;
import cn.perfeval.events.UnitYearScored;
import cn.perfeval.report.domain.CountyMonitoring;
import cn.perfeval.report.domain.MonitoringSettings;
import cn.perfeval.report.domain.UnitMonitoring;
import cn.perfeval.report.domain.UnitMonitoring.TargetCompletion;
import cn.perfeval.testsupport.RecordedEvents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring rules on events built in code: the golden unit's budget with a target table and monthly execution
 * like the demo's, at July (execution 42.76 % against 58.33 %), with the thresholds 10 / 20.
 */
class MonitoringCalculatorTest {

    static final MonitoringSettings.View DEFAULTS = view(MonitoringSettings.defaults(), 0);

    static MonitoringSettings.View view(MonitoringSettings s, long version) {
        return new MonitoringSettings.View("湘潭县", 2024, s.executionGapThreshold(), s.targetGapThreshold(), s.schedule(),
                version, version == 0, null, null);
    }

    static BudgetUnitYearChanged golden() throws Exception {
        return EventCodec.readBudgetEvent(RecordedEvents.read(RecordedEvents.BUDGET, RecordedEvents.GOLDEN_UNIT));
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static TargetProgress actual(int month, String value, String reason) {
        return new TargetProgress(month, d(value), null, null, null, reason, "finance", null);
    }

    static Target target(String code, String level1, String level2, String name, String unit, String value, String direction,
                         TargetProgress... progress) {
        return new Target(code, level1, level2, name, unit, value == null ? null : d(value), null, direction, null, List.of(progress));
    }

    /** A target table like the demo's, with actuals at July and December. */
    static List<Target> targets() {
        return List.of(
                target("CC-01", "产出", "数量", "城乡居民医疗保险参保人数", "人", "42906", "越大越好", actual(7, "40236", null)),
                target("CC-03", "产出", "数量", "城镇新增就业人数", "人", "315", "越大越好",
                        actual(7, "142", "上半年企业用工需求集中在三季度，新增就业进度偏慢"), actual(12, "315", null)),
                target("CC-05", "产出", "数量", "农村新建卫生厕所", "座", "55", "越大越好",
                        actual(7, "18", "改厕集中在雨季后施工，上半年完工18座"), actual(12, "55", null)),
                target("CC-07", "产出", "质量", "退役军人优待证办理完成率", "%", "100", "越大越好",
                        actual(7, "62", null), actual(12, "90", "部分退役军人户籍迁出或信息待核实，优待证尚未办结")),
                target("CC-08", "产出", "时效", "危房改造按期完工率", "%", "100", "越大越好", actual(12, "100", null)),
                target("CC-09", "产出", "成本", "“三公”经费支出", "万元", "12", "越小越好", actual(7, "0", null)),
                target("XY-01", "效益", "经济效益", "全镇财政总收入", "万元", "4300", "越大越好", actual(7, "2380", null)),
                target("XY-02", "效益", "社会效益", "早稻播种面积", "亩", "24000", "越大越好", actual(7, "24030.29", null)),
                new Target("XY-03", "效益", "生态效益", "农村人居环境持续改善", null, null, "创建市级美丽乡村1个", "定性", null,
                        List.of(new TargetProgress(12, null, "创建市级美丽乡村1个", "达成", d("90"), null, "finance", null))),
                target("MY-01", "满意度", "服务对象满意度", "群众满意度", "%", "90", "越大越好", actual(12, "93", null)));
    }

    static List<MonthExecution> months(int upTo) {
        String[][] m = {{"266.48", "17.2"}, {"550.72", "43"}, {"834.96", "77.4"}, {"1119.2", "120.4"}, {"1403.44", "172"},
                {"1687.68", "232.2"}, {"1971.92", "292.4"}, {"2256.16", "361.2"}, {"2540.4", "447.2"}, {"2842.4", "541.8"},
                {"3144.4", "670.8"}, {"3553", "860"}};
        List<MonthExecution> out = new ArrayList<>();
        for (int i = 0; i < upTo; i++) {
            out.add(new MonthExecution(i + 1, d(m[i][0]), d(m[i][1]), List.of()));
        }
        return out;
    }

    static BudgetUnitYearChanged with(BudgetUnitYearChanged b, BudgetUnitYearChanged.Period period, List<Target> targets,
                                      List<MonthExecution> months) {
        return new BudgetUnitYearChanged(b.eventId(), b.type(), b.schemaVersion(), b.unitCode(), b.fiscalYear(), b.version(),
                b.occurredAt(), b.unit(), b.amountUnit(), b.measures(), b.staff(), b.tables(), b.execution(), b.findings(),
                period, new BudgetUnitYearChanged.Targets("完成财政总收入4300万元以上……", targets), months);
    }

    static BudgetUnitYearChanged july() throws Exception {
        return with(golden(), new BudgetUnitYearChanged.Period(true, 12), targets(), months(12));
    }

    static TargetCompletion of(UnitMonitoring m, String code) {
        return m.targets().stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void executionBehindTimeProgressAtJuly() throws Exception {
        UnitMonitoring m = MonitoringCalculator.unit(july(), null, DEFAULTS, 7);
        assertThat(m.month()).isEqualTo(7);
        assertThat(m.execution().adjustedBudget()).isEqualByComparingTo("5295.65");
        assertThat(m.execution().basicActual()).isEqualByComparingTo("1971.92");
        assertThat(m.execution().projectActual()).isEqualByComparingTo("292.4");
        assertThat(m.execution().totalActual()).isEqualByComparingTo("2264.32");
        assertThat(m.execution().executionRate()).isEqualByComparingTo("42.76");   // 2264.32 / 5295.65
        assertThat(m.execution().timeProgress()).isEqualByComparingTo("58.33");    // 7 / 12
        assertThat(m.execution().gap()).isEqualByComparingTo("15.57");
        assertThat(m.execution().behind()).isTrue();
        assertThat(m.findings().get(0).code()).isEqualTo("MON-EXEC-001");
        assertThat(m.findings().get(0).message())
                .isEqualTo("截至7月累计支出2264.32万元（基本支出1971.92万元，项目支出292.4万元），预算执行率42.76%，低于序时进度58.33%共15.57个百分点，"
                        + "超过县设定的预警阈值10个百分点。")
                .doesNotContain("MON-");
        // a threshold above the gap: no finding
        UnitMonitoring lenient = MonitoringCalculator.unit(july(), null,
                view(new MonitoringSettings(d("16"), d("20"), null), 1), 7);
        assertThat(lenient.execution().behind()).isFalse();
        assertThat(lenient.findings()).extracting(UnitMonitoring.Finding::code).doesNotContain("MON-EXEC-001");
    }

    @Test
    void theCountysScheduleIsTheTimeProgressLine() throws Exception {
        List<BigDecimal> schedule = new ArrayList<>();
        for (String s : new String[]{"5", "12", "20", "28", "36", "45", "50", "60", "70", "80", "90", "100"}) {
            schedule.add(d(s));
        }
        UnitMonitoring m = MonitoringCalculator.unit(july(), null, view(new MonitoringSettings(d("10"), d("20"), schedule), 2), 7);
        assertThat(m.execution().timeProgress()).isEqualByComparingTo("50");
        assertThat(m.execution().gap()).isEqualByComparingTo("7.24");
        assertThat(m.execution().behind()).isFalse();
        assertThat(m.settings().scheduled()).isTrue();
    }

    @Test
    void laggingTargetsAtJuly() throws Exception {
        UnitMonitoring m = MonitoringCalculator.unit(july(), null, DEFAULTS, 7);
        // cumulative: 315 × 7/12 = 183.75, 142 / 183.75 = 77.28 %, 22.72 points behind > 20
        TargetCompletion jobs = of(m, "CC-03");
        assertThat(jobs.proRata()).isTrue();
        assertThat(jobs.expectedValue()).isEqualByComparingTo("183.75");
        assertThat(jobs.completion()).isEqualByComparingTo("77.28");
        assertThat(jobs.status()).isEqualTo("LAGGING");
        assertThat(jobs.deviationReason()).isEqualTo("上半年企业用工需求集中在三季度，新增就业进度偏慢");
        // 55 × 7/12 = 32.08, 18 / 32.0833 = 56.10 %
        assertThat(of(m, "CC-05").completion()).isEqualByComparingTo("56.10");
        assertThat(of(m, "CC-05").status()).isEqualTo("LAGGING");
        // a rate against the target itself: 62 / 100; its reason is recorded only in December, not quoted in July
        assertThat(of(m, "CC-07").proRata()).isFalse();
        assertThat(of(m, "CC-07").completion()).isEqualByComparingTo("62");
        assertThat(of(m, "CC-07").status()).isEqualTo("LAGGING");
        assertThat(of(m, "CC-07").deviationReason()).isNull();
        // on track: 40236 / (42906 × 7/12); 经济效益 in 万元 pro rata: 2380 / 2508.33 = 94.88 %; 社会效益 in 亩 against the target
        assertThat(of(m, "CC-01").status()).isEqualTo("ON_TRACK");
        assertThat(of(m, "XY-01").proRata()).isTrue();
        assertThat(of(m, "XY-01").completion()).isEqualByComparingTo("94.88");
        assertThat(of(m, "XY-02").proRata()).isFalse();
        assertThat(of(m, "XY-02").completion()).isEqualByComparingTo("100.13");
        // 越小越好 below its pro-rata ceiling (12 × 7/12 = 7)
        assertThat(of(m, "CC-09").expectedValue()).isEqualByComparingTo("7");
        assertThat(of(m, "CC-09").status()).isEqualTo("ON_TRACK");
        // no actual by July, qualitative included
        assertThat(m.targets()).filteredOn(t -> t.status().equals("NO_ACTUAL")).extracting(TargetCompletion::code)
                .containsExactly("CC-08", "XY-03", "MY-01");
        assertThat(m.laggingTargets()).containsExactly("城镇新增就业人数", "农村新建卫生厕所", "退役军人优待证办理完成率");

        List<String> codes = m.findings().stream().map(UnitMonitoring.Finding::code).toList();
        assertThat(codes).containsExactly("MON-EXEC-001", "MON-TGT-001", "MON-TGT-001", "MON-TGT-001",
                "MON-TGT-002", "MON-TGT-002", "MON-TGT-002");
        assertThat(m.findings().get(1).message()).isEqualTo("“城镇新增就业人数”截至7月完成142人，按序时应完成183.75人（全年目标315人的7/12），"
                + "完成进度77.28%，低于应完成进度22.72个百分点，超过县设定的预警阈值20个百分点。偏差原因：上半年企业用工需求集中在三季度，新增就业进度偏慢。");
        assertThat(m.findings().get(3).message()).isEqualTo("“退役军人优待证办理完成率”截至7月完成62%，目标≥100%，完成进度62%，"
                + "低于目标38个百分点，超过县设定的预警阈值20个百分点。未填写偏差原因。");
        assertThat(m.findings().get(4).message()).isEqualTo("“危房改造按期完工率”截至7月尚未录入完成值。");
    }

    @Test
    void atDecemberTheYearsActualsCount() throws Exception {
        UnitMonitoring m = MonitoringCalculator.unit(july(), null, DEFAULTS, 12);
        assertThat(m.execution().totalActual()).isEqualByComparingTo("4413");
        assertThat(m.execution().executionRate()).isEqualByComparingTo("83.33");
        assertThat(m.execution().timeProgress()).isEqualByComparingTo("100");
        assertThat(of(m, "CC-07").completion()).isEqualByComparingTo("90");
        assertThat(of(m, "CC-07").status()).isEqualTo("ON_TRACK");
        assertThat(of(m, "CC-07").deviationReason()).isEqualTo("部分退役军人户籍迁出或信息待核实，优待证尚未办结");
        assertThat(of(m, "XY-03").status()).isEqualTo("ON_TRACK");
        assertThat(of(m, "XY-03").actualLabel()).isEqualTo("达成（90%）");
        assertThat(of(m, "CC-03").completion()).isEqualByComparingTo("100");
    }

    @Test
    void aMonthNotReportedAndTheDefaultMonth() throws Exception {
        BudgetUnitYearChanged b = with(golden(), new BudgetUnitYearChanged.Period(false, 5), targets(), months(5));
        assertThat(MonitoringCalculator.defaultMonth(b)).isEqualTo(5);
        UnitMonitoring m = MonitoringCalculator.unit(b, null, DEFAULTS, 7);
        assertThat(m.execution().reported()).isFalse();
        assertThat(m.execution().executionRate()).isNull();
        assertThat(m.execution().gap()).isNull();
        assertThat(m.findings().get(0).code()).isEqualTo("MON-EXEC-002");
        assertThat(m.findings().get(0).message()).isEqualTo("7月的分月执行数据尚未报送，无法计算截至7月的预算执行率。");
        // without any month the default is December
        assertThat(MonitoringCalculator.defaultMonth(with(golden(), null, List.of(), List.of()))).isEqualTo(12);
    }

    @Test
    void aSmallerIsBetterTargetOverItsProRataCeilingLags() throws Exception {
        Target cost = target("C", "产出", "成本", "“三公”经费支出", "万元", "12", "越小越好", actual(6, "7.5", "接待任务集中"));
        UnitMonitoring m = MonitoringCalculator.unit(with(golden(), null, List.of(cost), months(6)), null, DEFAULTS, 6);
        TargetCompletion c = of(m, "C");
        assertThat(c.expectedValue()).isEqualByComparingTo("6");
        assertThat(c.status()).isEqualTo("LAGGING");
        assertThat(c.completion()).isEqualByComparingTo("80");
        assertThat(m.findings()).extracting(UnitMonitoring.Finding::message).contains(
                "““三公”经费支出”截至6月为7.5万元，超过按序时控制的6万元（全年目标不超过12万元的6/12）。偏差原因：接待任务集中。");
    }

    @Test
    void theProjectionIsLabelledByItsBasis() throws Exception {
        UnitYearScored year = EventCodec.readScoreEvent(RecordedEvents.read(RecordedEvents.SCORE, RecordedEvents.GOLDEN_UNIT));
        UnitMonitoring m = MonitoringCalculator.unit(july(), year, DEFAULTS, 7);
        assertThat(m.projection().label()).isEqualTo("年终得分");
        assertThat(m.projection().total()).isEqualByComparingTo("93");
        assertThat(m.projection().projected()).isFalse();
        UnitYearScored projected = new UnitYearScored(year.eventId(), year.type(), year.schemaVersion(), year.unitCode(),
                year.fiscalYear(), year.unitName(), year.county(), year.version(), year.budgetVersion(), year.occurredAt(),
                year.system(), d("81.5"), year.maxTotal(), "良", false, year.groups(), year.indicators(), year.inconsistencies(),
                true, new UnitYearScored.Basis(true, 7, List.of(new UnitYearScored.Missing("C3", "群众满意度", "群众满意度尚无完成值"))), null);
        UnitMonitoring.Projection p = MonitoringCalculator.projection(projected);
        assertThat(p.label()).isEqualTo("预计得分（截至7月）");
        assertThat(p.asOfMonth()).isEqualTo(7);
        assertThat(p.missing()).extracting(UnitMonitoring.Missing::message).containsExactly("群众满意度尚无完成值");
    }

    @Test
    void theCountyByGapBandGradeAndMostBehind() throws Exception {
        BudgetUnitYearChanged b = july();
        List<UnitMonitoring> units = new ArrayList<>();
        units.add(MonitoringCalculator.unit(b, null, DEFAULTS, 7));   // 15.57 behind
        BudgetUnitYearChanged ahead = rename(with(b, null, List.of(), List.of(new MonthExecution(7, d("3000"), d("300"), List.of()))), "U2");
        units.add(MonitoringCalculator.unit(ahead, null, DEFAULTS, 7));   // 62.32 %: ahead
        BudgetUnitYearChanged slight = rename(with(b, null, List.of(), List.of(new MonthExecution(7, d("2800"), d("300"), List.of()))), "U3");
        units.add(MonitoringCalculator.unit(slight, null, DEFAULTS, 7));  // 58.54 %: ahead by 0.21
        BudgetUnitYearChanged none = rename(with(b, null, List.of(), List.of()), "U4");
        units.add(MonitoringCalculator.unit(none, null, DEFAULTS, 7));
        BudgetUnitYearChanged behind = rename(with(b, null, List.of(), List.of(new MonthExecution(7, d("1000"), d("100"), List.of()))), "U5");
        units.add(MonitoringCalculator.unit(behind, null, DEFAULTS, 7));  // 20.77 %: 37.56 behind
        CountyMonitoring c = MonitoringCalculator.county("湘潭县", 2024, 7, DEFAULTS, units);
        assertThat(c.rows()).extracting(CountyMonitoring.Row::unitCode).containsExactly(b.unitCode(), "U2", "U3", "U4", "U5");
        assertThat(c.gapBands()).extracting(CountyMonitoring.Band::count).containsExactly(2, 0, 0, 1, 1, 1);
        assertThat(c.gapBands().get(3).units()).containsExactly(b.unitCode());
        assertThat(c.gapBands().get(5).units()).containsExactly("U4");
        assertThat(c.mostBehind()).extracting(CountyMonitoring.Row::unitCode).containsExactly("U5", b.unitCode());
        assertThat(c.gradeDistribution()).extracting(CountyMonitoring.GradeCount::grade).containsExactly("未评分");
        assertThat(c.rows().get(0).laggingTargets()).isEqualTo(3);
        assertThat(c.provenance()).isEqualTo("共5个单位，7月执行数据已报送4个；执行率落后序时进度超过10个百分点的2个；有绩效目标完成滞后的1个。"
                + "序时进度按月均计，监控设置第0版（未设置，使用默认值）。");
    }

    private static BudgetUnitYearChanged rename(BudgetUnitYearChanged b, String code) {
        return new BudgetUnitYearChanged(b.eventId(), b.type(), b.schemaVersion(), code, b.fiscalYear(), b.version(),
                b.occurredAt(), b.unit(), b.amountUnit(), b.measures(), b.staff(), b.tables(), b.execution(), b.findings(),
                b.period(), b.targets(), b.monthlyExecution());
    }

    /** The recorded golden event as budget-service publishes it (demo targets and months), by hand from the demo file. */
    @Test
    void theRecordedGoldenUnitAtJuly() throws Exception {
        UnitYearScored score = EventCodec.readScoreEvent(RecordedEvents.read(RecordedEvents.SCORE, RecordedEvents.GOLDEN_UNIT));
        UnitMonitoring m = MonitoringCalculator.unit(golden(), score, DEFAULTS, 7);
        assertThat(m.execution().executionRate()).isEqualByComparingTo("42.76");
        assertThat(m.execution().timeProgress()).isEqualByComparingTo("58.33");
        assertThat(m.execution().behind()).isTrue();
        // code → expected value at July, completion %, status
        String[][] expected = {
                {"CC-01", "25028.50", "160.76", "ON_TRACK"},     // 42906 × 7/12; 40236
                {"CC-02", "19720.75", "156.43", "ON_TRACK"},     // 33807 × 7/12; 30850
                {"CC-03", "183.75", "77.28", "LAGGING"},         // 315 × 7/12; 142
                {"CC-04", "154.58", "110.62", "ON_TRACK"},       // 265 × 7/12; 171
                {"CC-05", "32.08", "56.10", "LAGGING"},          // 55 × 7/12; 18
                {"CC-06", "397.83", "103.06", "ON_TRACK"},       // 682 × 7/12; 410
                {"CC-07", "100", "62", "LAGGING"},               // a rate: 62 against 100
                {"CC-08", "100", null, "NO_ACTUAL"},             // only a year-end actual
                {"CC-09", "7", "100", "ON_TRACK"},               // ceiling 12 × 7/12; 0
                {"XY-01", "2508.33", "94.88", "ON_TRACK"},       // 4300 × 7/12; 2380
                {"XY-02", "24000", "100.13", "ON_TRACK"},        // 亩, against the target; 24030.29
                {"XY-03", null, null, "NO_ACTUAL"},
                {"XY-04", null, null, "NO_ACTUAL"},
                {"MY-01", "90", null, "NO_ACTUAL"}};
        assertThat(m.targets()).hasSize(expected.length);
        for (String[] e : expected) {
            TargetCompletion t = of(m, e[0]);
            assertThat(t.status()).as(e[0]).isEqualTo(e[3]);
            if (e[1] == null) {
                assertThat(t.expectedValue()).as(e[0]).isNull();
            } else {
                assertThat(t.expectedValue()).as(e[0]).isEqualByComparingTo(e[1]);
            }
            if (e[2] == null) {
                assertThat(t.completion()).as(e[0]).isNull();
            } else {
                assertThat(t.completion()).as(e[0]).isEqualByComparingTo(e[2]);
            }
        }
        assertThat(m.findings()).hasSize(8);
        assertThat(m.projection().total()).isEqualByComparingTo("93");
        assertThat(m.projection().label()).isEqualTo("年终得分");
        // at year-end nothing lags: the final score stays 93
        UnitMonitoring december = MonitoringCalculator.unit(golden(), score, DEFAULTS, 12);
        assertThat(december.laggingTargets()).isEmpty();
        assertThat(december.targets()).extracting(TargetCompletion::status).containsOnly("ON_TRACK");
    }
}
