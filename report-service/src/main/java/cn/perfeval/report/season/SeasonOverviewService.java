package cn.perfeval.report.season;

import cn.perfeval.report.service.ReportAssembler;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The county overview of a season (docs/season.md, 复核与抽查): computed from the season tables, the latest
 * submissions and the current review of each unit's score under the season's system.
 */
@ApplicationScoped
public class SeasonOverviewService {

    /** The grades every distribution lists, zeros included; other grades a system defines follow them. */
    static final List<String> GRADES = List.of("优", "良", "中", "差");

    private final SeasonOverviewReads reads;
    private final SampleService samples;
    private final SeasonCalendar calendar;

    public SeasonOverviewService(SeasonOverviewReads reads, SampleService samples, SeasonCalendar calendar) {
        this.reads = reads;
        this.samples = samples;
        this.calendar = calendar;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SeasonOverview overview(String county, int year) {
        SeasonOverviewReads.Season season = samples.season(county, year);
        LocalDate today = calendar.today();
        List<SeasonOverviewReads.Task> tasks = reads.tasks(season.id());
        Map<String, SeasonOverviewReads.LatestSubmission> latest = reads.latestSubmissions(season.id(), false).stream()
                .collect(Collectors.toMap(SeasonOverviewReads.LatestSubmission::unitCode, Function.identity()));
        SampleView sample = samples.latest(season);
        Set<String> sampled = new HashSet<>();
        if (sample != null) {
            sample.units().forEach(u -> sampled.add(u.unitCode()));
        }

        Map<TaskState, Integer> perState = new LinkedHashMap<>();
        for (TaskState s : TaskState.values()) {
            perState.put(s, 0);
        }
        Map<String, int[]> grades = new LinkedHashMap<>();
        GRADES.forEach(g -> grades.put(g, new int[2]));
        List<SeasonOverview.UnitRow> rows = new ArrayList<>();
        List<SeasonOverview.OverdueUnit> overdue = new ArrayList<>();
        int reviewed = 0;
        int flagged = 0;
        for (SeasonOverviewReads.Task t : tasks) {
            perState.merge(t.state(), 1, Integer::sum);
            String name = t.unitName() != null ? t.unitName() : reads.unitName(season, t.unitCode()).orElse(null);
            Integer overdueDays = overdueDays(season.deadline(), today, t.state());
            if (overdueDays != null) {
                overdue.add(new SeasonOverview.OverdueUnit(t.unitCode(), name, t.state().name(), t.state().label(), overdueDays));
            }
            SeasonOverviewReads.LatestSubmission s = latest.get(t.unitCode());
            if (s != null && s.grade() != null) {
                grades.computeIfAbsent(s.grade(), g -> new int[2])[0]++;
            }
            Optional<JsonNode> review = reads.review(t.unitCode(), year, season.systemCode());
            BigDecimal reviewTotal = null;
            String reviewGrade = null;
            BigDecimal deviation = null;
            String flag = null;
            List<SeasonOverview.ReviewedIndicator> indicators = null;
            if (review.isPresent()) {
                reviewed++;
                JsonNode r = review.get();
                reviewTotal = decimal(r.path("total"));
                reviewGrade = r.path("grade").isTextual() ? r.path("grade").asText() : null;
                deviation = decimal(r.path("deviation"));
                if (reviewGrade != null) {
                    grades.computeIfAbsent(reviewGrade, g -> new int[2])[1]++;
                }
                flag = flag(deviation, season.deviationThreshold());
                if (flag != null) {
                    flagged++;
                }
                indicators = new ArrayList<>();
                for (JsonNode i : r.path("indicators")) {
                    indicators.add(new SeasonOverview.ReviewedIndicator(i.path("code").asText(), i.path("name").asText(),
                            decimal(i.path("maxPoints")), decimal(i.path("selfPoints")), decimal(i.path("reviewPoints")),
                            decimal(i.path("deviation")), i.path("reason").asText(null)));
                }
                indicators.sort(Comparator.comparing(SeasonOverview.ReviewedIndicator::code));
            }
            rows.add(new SeasonOverview.UnitRow(t.unitCode(), name, t.state().name(), t.state().label(), t.submissions(),
                    overdueDays != null, overdueDays, s == null ? null : s.total(), s == null ? null : s.grade(),
                    reviewTotal, reviewGrade, deviation, flag != null, flag, sampled.contains(t.unitCode()), indicators));
        }
        overdue.sort(Comparator.comparing(SeasonOverview.OverdueUnit::overdueDays).reversed()
                .thenComparing(SeasonOverview.OverdueUnit::unitCode));
        List<SeasonOverview.StateCount> states = new ArrayList<>();
        perState.forEach((s, n) -> states.add(new SeasonOverview.StateCount(s.name(), s.label(), n)));
        List<SeasonOverview.GradeCount> gradeCounts = new ArrayList<>();
        grades.forEach((g, n) -> gradeCounts.add(new SeasonOverview.GradeCount(g, n[0], n[1])));
        return new SeasonOverview(season.county(), season.year(), season.systemCode(),
                reads.systemName(season.systemCode()).orElse(null), season.deadline(),
                season.deviationThreshold(), today, tasks.size(), states, overdue, rows, gradeCounts, reviewed, flagged, sample);
    }

    /**
     * Days overdue: today (Asia/Shanghai) after the deadline while the task awaits filing (未开始, 填报中,
     * 已退回); null when not overdue.
     */
    static Integer overdueDays(LocalDate deadline, LocalDate today, TaskState state) {
        int days = state.daysOverdue(deadline, today);
        return days == 0 ? null : days;
    }

    /** The 自评质量 flag when |deviation| exceeds the threshold, else null. */
    static String flag(BigDecimal deviation, BigDecimal threshold) {
        if (deviation == null || deviation.abs().compareTo(threshold) <= 0) {
            return null;
        }
        return "自评质量：自评得分" + (deviation.signum() > 0 ? "高于" : "低于") + "复核得分" + ReportAssembler.plain(deviation.abs())
                + "分，超过" + ReportAssembler.plain(threshold) + "分的阈值";
    }

    private static BigDecimal decimal(JsonNode n) {
        return n != null && n.isNumber() ? n.decimalValue() : null;
    }
}
