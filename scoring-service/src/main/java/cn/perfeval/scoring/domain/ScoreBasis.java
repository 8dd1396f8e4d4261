package cn.perfeval.scoring.domain;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.measures.Measures;
import cn.perfeval.scoring.domain.IndicatorSystem.Node;
import cn.perfeval.scoring.domain.ScoreResult.IndicatorResult;
import cn.perfeval.scoring.domain.ScoreResult.Status;
import cn.perfeval.scoring.domain.ScoreResult.TargetResult;
import com.ezylang.evalex.parser.ParseException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a score rests on: year-end data or a projection on the data as they stand (预计得分), the
 * latest month of execution, and every piece of data the score still lacks, one entry per
 * indicator and measure or target.
 */
@Schema(description = "得分的依据：年终数据，或按现有数据（截至某月）计算的预计得分，以及尚缺的数据")
@JsonIgnoreProperties(value = "label", allowGetters = true)
public record ScoreBasis(@Schema(description = "是否为预计得分：预算数据尚无年终实际支出时为 true（按截至 asOfMonth 的累计数计算）",
                                 required = true) boolean projected,
                         @Schema(description = "所用分月执行数据的最近月份（1–12）；没有分月数据时为 null", nullable = true,
                                 minimum = "1", maximum = "12") Integer asOfMonth,
                         @Schema(description = "尚缺的数据，每个指标的每项度量或目标一条；齐全时为空", required = true)
                         List<Missing> missing) {

    /** A year-end basis with nothing listed: what a score stored before bases existed rests on. */
    public static final ScoreBasis YEAR_END = new ScoreBasis(false, null, List.of());

    /** Measures that only the year-end (or the month's cumulative) execution gives. */
    static final Set<String> YEAR_END_MEASURES = Set.of("basicActual", "projectActual", "totalActual", "yearEndBalance",
            "threePublicActual");

    @Schema(description = "尚缺的一项数据")
    public record Missing(@Schema(description = "缺数据的指标代码") String indicator,
                          @Schema(description = "所缺数据的名称：度量的中文名，或绩效目标的名称") String item,
                          @Schema(description = "说明（如 “预算执行率：缺少实际支出数（年终数未填报）”）") String message) {
    }

    /** "预计得分（截至7月）", "预计得分（尚无分月执行数据）" or "年终得分". */
    @JsonProperty("label")
    @Schema(description = "得分依据的中文标示：年终得分，或 预计得分（截至N月）", required = true)
    public String label() {
        return label(projected, asOfMonth);
    }

    public static String label(boolean projected, Integer asOfMonth) {
        if (!projected) {
            return "年终得分";
        }
        return asOfMonth == null ? "预计得分（尚无分月执行数据）" : "预计得分（截至" + asOfMonth + "月）";
    }

    /** The basis of a result computed from a budget event's period. */
    public static ScoreBasis of(IndicatorSystem system, ScoreResult result, BudgetUnitYearChanged.Period period) {
        boolean projected = !period.yearEnd();
        return new ScoreBasis(projected, period.asOfMonth(), missing(system, result, projected));
    }

    static List<Missing> missing(IndicatorSystem system, ScoreResult result, boolean projected) {
        List<Missing> out = new ArrayList<>();
        for (IndicatorResult i : result.indicators()) {
            if (i.status() != Status.MISSING_DATA) {
                continue;
            }
            Node leaf = system.leaf(i.code()).orElse(null);
            if (leaf != null && leaf.fromTargets() != null) {
                String level1 = leaf.fromTargets().level1();
                if (i.targets() == null || i.targets().isEmpty()) {
                    out.add(new Missing(i.code(), level1 + "类绩效目标", i.name() + "：未填报" + level1 + "类绩效目标"));
                }
                for (TargetResult t : i.targets() == null ? List.<TargetResult>of() : i.targets()) {
                    if (t.status() == Status.MISSING_DATA) {
                        String name = t.name() == null ? t.code() : t.name();
                        out.add(new Missing(i.code(), name, i.name() + "：缺少目标“" + name + "”的" + lacking(t)
                                + (projected ? "（截至目前未填报）" : "（未填报）")));
                    }
                }
            } else if (i.formula() != null) {
                Set<String> used;
                try {
                    used = new TreeSet<>(Expressions.compiled(i.formula()).usedVariables());
                } catch (ParseException e) {
                    continue;
                }
                for (String m : used) {
                    if (i.measures() == null || !i.measures().containsKey(m)) {
                        out.add(new Missing(i.code(), Measures.label(m), i.name() + "：缺少" + Measures.label(m)
                                + (projected && YEAR_END_MEASURES.contains(m) ? "（年终数未填报）" : "（未填报）")));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static String lacking(TargetResult t) {
        if (!BudgetUnitYearChanged.DIRECTIONS.contains(t.direction())) {
            return "指标方向";
        }
        if (TargetScoring.QUALITATIVE.equals(t.direction())) {
            return "完成等级和完成比例";
        }
        return t.targetValue() == null ? "目标值" : "完成值";
    }

    /** The basis as the score event carries it. */
    public cn.perfeval.events.UnitYearScored.Basis toEvent() {
        return new cn.perfeval.events.UnitYearScored.Basis(projected, asOfMonth, missing.stream()
                .map(m -> new cn.perfeval.events.UnitYearScored.Missing(m.indicator(), m.item(), m.message())).toList());
    }
}
