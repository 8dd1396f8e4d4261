package cn.perfeval.report.service;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.BudgetUnitYearChanged.MonthExecution;
import cn.perfeval.events.BudgetUnitYearChanged.Target;
import cn.perfeval.events.BudgetUnitYearChanged.TargetProgress;
import cn.perfeval.events.UnitYearScored;
import cn.perfeval.report.domain.CountyMonitoring;
import cn.perfeval.report.domain.MonitoringSettings;
import cn.perfeval.report.domain.UnitMonitoring;
import cn.perfeval.report.domain.UnitMonitoring.Execution;
import cn.perfeval.report.domain.UnitMonitoring.Finding;
import cn.perfeval.report.domain.UnitMonitoring.Projection;
import cn.perfeval.report.domain.UnitMonitoring.TargetCompletion;
import cn.perfeval.report.domain.UnitMonitoring.Thresholds;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitoring rules (docs/monitoring.md), pure: from a budget event, the unit-year's score event (or none),
 * the county's settings and a month to the monitoring of the unit-year, and from those of a county's units to
 * the county's. Rates are computed exactly and rounded to two places for display; a gap is the difference of
 * the rounded figures, so that the printed numbers add up.
 */
public final class MonitoringCalculator {

    public static final String EXEC_BEHIND = "MON-EXEC-001";
    public static final String EXEC_NOT_REPORTED = "MON-EXEC-002";
    public static final String EXEC_NO_BUDGET = "MON-EXEC-003";
    public static final String TARGET_LAGGING = "MON-TGT-001";
    public static final String TARGET_NO_ACTUAL = "MON-TGT-002";

    public static final String ON_TRACK = "ON_TRACK";
    public static final String LAGGING = "LAGGING";
    public static final String NO_ACTUAL = "NO_ACTUAL";
    static final Map<String, String> STATUS_LABELS = Map.of(ON_TRACK, "正常", LAGGING, "滞后", NO_ACTUAL, "尚无完成值");

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal TWELVE = new BigDecimal("12");
    private static final String PERCENT = "%";

    private MonitoringCalculator() {
    }

    /** The month monitored when none is asked for: the latest month of the monthly execution, else December. */
    public static int defaultMonth(BudgetUnitYearChanged budget) {
        return latestMonth(budget) == null ? 12 : latestMonth(budget);
    }

    static Integer latestMonth(BudgetUnitYearChanged budget) {
        Integer latest = null;
        for (MonthExecution m : months(budget)) {
            if (latest == null || m.month() > latest) {
                latest = m.month();
            }
        }
        return latest;
    }

    /** The time-progress line at month {@code month} (1–12), in %: the county's schedule, else m/12 × 100. */
    public static BigDecimal timeProgress(MonitoringSettings settings, int month) {
        if (settings.schedule() != null && settings.schedule().size() == 12) {
            return round(settings.schedule().get(month - 1));
        }
        return round(BigDecimal.valueOf(month).multiply(HUNDRED).divide(TWELVE, MC));
    }

    public static UnitMonitoring unit(BudgetUnitYearChanged budget, UnitYearScored score, MonitoringSettings.View settingsView,
                                      int month) {
        MonitoringSettings settings = settingsView.settings();
        List<Finding> findings = new ArrayList<>();
        Execution execution = execution(budget, settings, month, findings);

        List<TargetCompletion> targets = new ArrayList<>();
        List<String> lagging = new ArrayList<>();
        List<Target> table = budget.targets() == null || budget.targets().indicators() == null ? List.of()
                : budget.targets().indicators();
        for (Target t : table) {
            TargetCompletion c = target(t, month, settings.targetGapThreshold(), findings);
            targets.add(c);
            if (LAGGING.equals(c.status())) {
                lagging.add(c.name());
            }
        }
        String goal = budget.targets() == null || budget.targets().overallGoal() == null
                || budget.targets().overallGoal().isBlank() ? null : budget.targets().overallGoal();
        return new UnitMonitoring(budget.unitCode(), budget.unit() == null ? null : budget.unit().name(),
                budget.unit() == null ? null : budget.unit().county(), budget.fiscalYear(), month,
                new Thresholds(settings.executionGapThreshold(), settings.targetGapThreshold(), settings.schedule() != null,
                        settingsView.version()),
                execution, goal, targets, lagging, findings, projection(score), budget.version());
    }

    // ---------------------------------------------------------------- execution

    private static Execution execution(BudgetUnitYearChanged budget, MonitoringSettings settings, int month, List<Finding> findings) {
        Map<String, BigDecimal> measures = budget.measures() == null ? Map.of() : budget.measures();
        BigDecimal adjusted = measures.get("adjustedBudget") != null ? measures.get("adjustedBudget") : measures.get("yearStartBudget");
        BigDecimal timeProgress = timeProgress(settings, month);
        BigDecimal basic = null;
        BigDecimal project = null;
        String source = null;
        for (MonthExecution m : months(budget)) {
            if (m.month() == month) {
                basic = orZero(m.basicActual());
                project = orZero(m.projectActual());
                source = month + "月分月执行数据";
            }
        }
        if (basic == null && month == 12 && budget.periodOrYearEnd().yearEnd()
                && measures.get("basicActual") != null && measures.get("projectActual") != null) {
            basic = measures.get("basicActual");
            project = measures.get("projectActual");
            source = "年终实际支出";
        }
        boolean reported = basic != null;
        if (!reported) {
            findings.add(new Finding(EXEC_NOT_REPORTED, null, month + "月的分月执行数据尚未报送，无法计算截至" + month + "月的预算执行率。"));
        }
        if (adjusted == null || adjusted.signum() <= 0) {
            findings.add(new Finding(EXEC_NO_BUDGET, null, "调整后预算和年初预算均未录入，无法计算预算执行率。"));
        }
        BigDecimal total = reported ? basic.add(project) : null;
        BigDecimal rate = reported && adjusted != null && adjusted.signum() > 0
                ? round(total.multiply(HUNDRED).divide(adjusted, MC)) : null;
        BigDecimal gap = rate == null ? null : timeProgress.subtract(rate);
        boolean behind = gap != null && gap.compareTo(settings.executionGapThreshold()) > 0;
        if (behind) {
            findings.add(new Finding(EXEC_BEHIND, null, "截至" + month + "月累计支出" + plain(total) + "万元（基本支出" + plain(basic)
                    + "万元，项目支出" + plain(project) + "万元），预算执行率" + plain(rate) + "%，低于序时进度" + plain(timeProgress)
                    + "%共" + plain(gap) + "个百分点，超过县设定的预警阈值" + plain(settings.executionGapThreshold()) + "个百分点。"));
        }
        return new Execution(adjusted, basic, project, total, rate, timeProgress, gap, reported, behind, source);
    }

    private static List<MonthExecution> months(BudgetUnitYearChanged budget) {
        return budget.monthlyExecution() == null ? List.of() : budget.monthlyExecution();
    }

    // ---------------------------------------------------------------- targets

    /**
     * A cumulative quantity grows through the year and is compared with m/12 of its target: 数量, and 经济效益
     * counted in anything but %. A 越小越好 target that is not a rate is a ceiling spent through the year, also
     * pro rata.
     */
    static boolean proRata(Target t) {
        boolean rate = PERCENT.equals(t.unitOfMeasure());
        if ("越小越好".equals(t.direction())) {
            return !rate;
        }
        return "数量".equals(t.level2()) || ("经济效益".equals(t.level2()) && !rate);
    }

    static boolean qualitative(Target t) {
        return "定性".equals(t.direction()) || t.targetValue() == null;
    }

    private static TargetCompletion target(Target t, int month, BigDecimal threshold, List<Finding> findings) {
        TargetProgress actual = null;
        String reason = null;
        if (t.progress() != null) {
            for (TargetProgress p : t.progress()) {
                if (p.month() <= month && (actual == null || p.month() >= actual.month())) {
                    actual = p;
                }
            }
            for (TargetProgress p : t.progress()) {
                if (p.month() <= month && p.deviationReason() != null && !p.deviationReason().isBlank()
                        && p.month() == lastReasonMonth(t, month)) {
                    reason = p.deviationReason().strip();
                }
            }
        }
        String unit = t.unitOfMeasure() == null ? "" : t.unitOfMeasure();
        boolean qualitative = qualitative(t);
        boolean proRata = !qualitative && proRata(t);
        BigDecimal expectedExact = qualitative ? null : proRata
                ? t.targetValue().multiply(BigDecimal.valueOf(month)).divide(TWELVE, MC) : t.targetValue();
        BigDecimal expected = expectedExact == null ? null : round(expectedExact);
        String targetLabel = targetLabel(t);
        boolean hasActual = actual != null && (qualitative ? actual.achievementPercent() != null || actual.achievement() != null
                : actual.actualValue() != null);
        if (!hasActual) {
            findings.add(new Finding(TARGET_NO_ACTUAL, t.code(), "“" + t.name() + "”截至" + month + "月尚未录入完成值。"));
            return new TargetCompletion(t.code(), t.level1(), t.level2(), t.name(), t.unitOfMeasure(), t.direction(),
                    t.targetValue(), t.targetText(), targetLabel, proRata, expected, null, null, null, null, null, null,
                    NO_ACTUAL, STATUS_LABELS.get(NO_ACTUAL), reason);
        }
        BigDecimal completion;
        boolean lagging;
        String message;
        String actualLabel;
        if (qualitative) {
            completion = actual.achievementPercent() == null ? null : round(actual.achievementPercent());
            actualLabel = (actual.achievement() == null ? "" : actual.achievement())
                    + (completion == null ? "" : "（" + plain(completion) + "%）");
            BigDecimal lag = completion == null ? null : HUNDRED.subtract(completion);
            lagging = lag != null && lag.compareTo(threshold) > 0;
            message = "“" + t.name() + "”截至" + month + "月评定为" + actualLabel + "，低于目标" + (lag == null ? "" : plain(lag))
                    + "个百分点，超过县设定的预警阈值" + plain(threshold) + "个百分点。";
        } else if ("越小越好".equals(t.direction())) {
            BigDecimal v = actual.actualValue();
            actualLabel = plain(v) + unit;
            completion = v.compareTo(expectedExact) <= 0 ? HUNDRED.setScale(0)
                    : round(expectedExact.multiply(HUNDRED).divide(v, MC));
            lagging = v.compareTo(expectedExact) > 0;
            message = "“" + t.name() + "”截至" + month + "月为" + actualLabel + "，超过" + (proRata
                    ? "按序时控制的" + plain(expected) + unit + "（全年目标不超过" + plain(t.targetValue()) + unit + "的" + month + "/12）"
                    : "目标上限" + plain(t.targetValue()) + unit) + "。";
        } else {
            BigDecimal v = actual.actualValue();
            actualLabel = plain(v) + unit;
            completion = expectedExact.signum() == 0 ? HUNDRED.setScale(0) : round(v.multiply(HUNDRED).divide(expectedExact, MC));
            BigDecimal lag = HUNDRED.subtract(completion);
            lagging = lag.compareTo(threshold) > 0;
            message = "“" + t.name() + "”截至" + month + "月完成" + actualLabel + "，" + (proRata
                    ? "按序时应完成" + plain(expected) + unit + "（全年目标" + plain(t.targetValue()) + unit + "的" + month + "/12）"
                    : "目标" + targetLabel) + "，完成进度" + plain(completion) + "%，低于" + (proRata ? "应完成进度" : "目标")
                    + plain(lag) + "个百分点，超过县设定的预警阈值" + plain(threshold) + "个百分点。";
        }
        if (lagging) {
            findings.add(new Finding(TARGET_LAGGING, t.code(), message + (reason == null ? "未填写偏差原因。" : "偏差原因：" + strip(reason) + "。")));
        }
        String status = lagging ? LAGGING : ON_TRACK;
        return new TargetCompletion(t.code(), t.level1(), t.level2(), t.name(), t.unitOfMeasure(), t.direction(),
                t.targetValue(), t.targetText(), targetLabel, proRata, expected, actual.month(),
                qualitative ? null : actual.actualValue(), actual.actualText(), actual.achievement(), actualLabel, completion,
                status, STATUS_LABELS.get(status), reason);
    }

    /** The latest month up to {@code month} with a deviation reason, or 0. */
    private static int lastReasonMonth(Target t, int month) {
        int last = 0;
        for (TargetProgress p : t.progress()) {
            if (p.month() <= month && p.deviationReason() != null && !p.deviationReason().isBlank()) {
                last = Math.max(last, p.month());
            }
        }
        return last;
    }

    /** The target as a target table prints it: ≥315人, ≤12万元, =100%, or the qualitative text. */
    static String targetLabel(Target t) {
        if (qualitative(t)) {
            return t.targetText() == null ? "" : t.targetText();
        }
        String sign = switch (t.direction() == null ? "" : t.direction()) {
            case "越大越好" -> "≥";
            case "越小越好" -> "≤";
            case "等于" -> "=";
            default -> "";
        };
        return sign + plain(t.targetValue()) + (t.unitOfMeasure() == null ? "" : t.unitOfMeasure());
    }

    // ---------------------------------------------------------------- projection

    /** The score as the projected result: 预计得分（截至N月） when its basis is projected, else 年终得分. */
    static Projection projection(UnitYearScored score) {
        if (score == null) {
            return null;
        }
        UnitYearScored.Basis basis = score.basisOrYearEnd();
        List<UnitMonitoring.Missing> missing = basis.missing() == null ? List.of() : basis.missing().stream()
                .map(m -> new UnitMonitoring.Missing(m.indicator(), m.item(), m.message())).toList();
        return new Projection(basis.projected(), basis.projected() ? basis.asOfMonth() : null,
                scoreLabel(basis.projected(), basis.asOfMonth()), score.total(), score.maxTotal(), score.grade(), score.complete(),
                score.system() == null ? null : score.system().code(), score.system() == null ? null : score.system().name(),
                score.version(), missing);
    }

    /** 预计得分（截至7月） for a projected score, 年终得分 for a year-end one. */
    public static String scoreLabel(boolean projected, Integer asOfMonth) {
        if (!projected) {
            return "年终得分";
        }
        return asOfMonth == null ? "预计得分" : "预计得分（截至" + asOfMonth + "月）";
    }

    // ---------------------------------------------------------------- county

    /** Bands of the gap (percentage points behind the time-progress line), upper bounds inclusive. */
    static final List<BigDecimal> BAND_BOUNDS = List.of(BigDecimal.ZERO, new BigDecimal("5"), new BigDecimal("10"), new BigDecimal("20"));
    static final List<String> BAND_LABELS = List.of("不落后于序时进度", "落后0至5个百分点", "落后5至10个百分点", "落后10至20个百分点",
            "落后20个百分点以上", "无法计算（执行数据未报送或预算未录入）");
    static final int MOST_BEHIND = 10;

    public static CountyMonitoring county(String county, int year, int month, MonitoringSettings.View settingsView,
                                          List<UnitMonitoring> units) {
        MonitoringSettings settings = settingsView.settings();
        List<CountyMonitoring.Row> rows = new ArrayList<>();
        for (UnitMonitoring u : units.stream().sorted(Comparator.comparing(UnitMonitoring::unitCode)).toList()) {
            Execution e = u.execution();
            Projection p = u.projection();
            int noActual = (int) u.targets().stream().filter(t -> NO_ACTUAL.equals(t.status())).count();
            rows.add(new CountyMonitoring.Row(u.unitCode(), u.unitName(), e.executionRate(), e.timeProgress(), e.gap(), e.reported(),
                    e.behind(), u.laggingTargets().size(), u.laggingTargets(), noActual, u.findings().size(),
                    p == null ? null : p.total(), p == null ? null : p.grade(), p == null ? null : p.label(),
                    p == null ? null : p.projected(), u.budgetVersion()));
        }
        List<List<String>> bands = new ArrayList<>();
        BAND_LABELS.forEach(l -> bands.add(new ArrayList<>()));
        for (CountyMonitoring.Row r : rows) {
            bands.get(band(r.gap())).add(r.unitCode());
        }
        List<CountyMonitoring.Band> gapBands = new ArrayList<>();
        for (int i = 0; i < BAND_LABELS.size(); i++) {
            gapBands.add(new CountyMonitoring.Band(BAND_LABELS.get(i), bands.get(i).size(), bands.get(i)));
        }
        Map<String, Integer> grades = new LinkedHashMap<>();
        rows.stream().map(r -> r.grade() == null ? "未评分" : r.grade()).sorted(CountyMonitoring_GRADES).forEach(g -> grades.merge(g, 1, Integer::sum));
        List<CountyMonitoring.GradeCount> distribution = grades.entrySet().stream()
                .map(e -> new CountyMonitoring.GradeCount(e.getKey(), e.getValue())).toList();
        List<CountyMonitoring.Row> behind = rows.stream().filter(r -> r.gap() != null && r.gap().signum() > 0)
                .sorted(Comparator.comparing(CountyMonitoring.Row::gap, Comparator.reverseOrder()).thenComparing(CountyMonitoring.Row::unitCode))
                .limit(MOST_BEHIND).toList();
        long reported = rows.stream().filter(CountyMonitoring.Row::reported).count();
        long over = rows.stream().filter(CountyMonitoring.Row::behind).count();
        long laggingUnits = rows.stream().filter(r -> r.laggingTargets() > 0).count();
        StringBuilder prov = new StringBuilder("共").append(rows.size()).append("个单位，").append(month).append("月执行数据已报送")
                .append(reported).append("个；执行率落后序时进度超过").append(plain(settings.executionGapThreshold())).append("个百分点的")
                .append(over).append("个；有绩效目标完成滞后的").append(laggingUnits).append("个。序时进度")
                .append(settings.schedule() == null ? "按月均计" : "按县设定的分月进度计").append("，监控设置第").append(settingsView.version())
                .append("版").append(settingsView.defaulted() ? "（未设置，使用默认值）" : "").append("。");
        return new CountyMonitoring(county, year, month,
                new Thresholds(settings.executionGapThreshold(), settings.targetGapThreshold(), settings.schedule() != null,
                        settingsView.version()),
                timeProgress(settings, month), rows, gapBands, distribution, behind, prov.toString());
    }

    /** 优, 良, 中, 差 first in that order, other grades by name, 未评分 last. */
    private static final Comparator<String> CountyMonitoring_GRADES = Comparator.comparing((String g) -> {
        int i = List.of("优", "良", "中", "差").indexOf(g);
        return g.equals("未评分") ? 100 : i < 0 ? 50 : i;
    }).thenComparing(Comparator.naturalOrder());

    static int band(BigDecimal gap) {
        if (gap == null) {
            return BAND_LABELS.size() - 1;
        }
        for (int i = 0; i < BAND_BOUNDS.size(); i++) {
            if (gap.compareTo(BAND_BOUNDS.get(i)) <= 0) {
                return i;
            }
        }
        return BAND_BOUNDS.size();
    }

    // ---------------------------------------------------------------- numbers

    static BigDecimal round(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** 42.80 → "42.8", 100.00 → "100". */
    public static String plain(BigDecimal v) {
        return v == null ? "" : ReportAssembler.plain(v);
    }

    private static String strip(String s) {
        String t = s.strip();
        while (t.endsWith("。") || t.endsWith(".") || t.endsWith("；")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
