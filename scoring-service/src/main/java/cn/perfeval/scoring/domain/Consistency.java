package cn.perfeval.scoring.domain;

import cn.perfeval.events.measures.Measures;
import cn.perfeval.scoring.domain.ScoreResult.GroupResult;
import cn.perfeval.scoring.domain.ScoreResult.Inconsistency;
import cn.perfeval.scoring.domain.ScoreResult.IndicatorResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lists where what a unit published differs from the computed result. Pure. */
public final class Consistency {

    /** "307/4988=6.2%", "3553/3274=108%", "0/12=0". */
    private static final Pattern PRINTED = Pattern.compile(
            "\\s*([0-9]+(?:\\.[0-9]+)?)\\s*[/÷]\\s*([0-9]+(?:\\.[0-9]+)?)\\s*[=＝]\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([%％]?)\\s*");

    private Consistency() {
    }

    public static List<Inconsistency> compare(Published p, ScoreResult r, IndicatorSystem system) {
        List<Inconsistency> out = new ArrayList<>();
        if (p == null) {
            return out;
        }
        if (p.indicators() != null) {
            for (Published.Indicator pi : p.indicators()) {
                Optional<IndicatorResult> match = pi.code() != null
                        ? r.indicators().stream().filter(i -> i.code().equals(pi.code())).findFirst()
                        : byName(r.indicators(), IndicatorResult::name, pi.name());
                if (match.isEmpty()) {
                    out.add(new Inconsistency("UNKNOWN_INDICATOR", pi.name(), pi.name(), null,
                            "公布的指标“" + pi.name() + "”在指标体系“" + r.systemName() + "”中没有对应指标"));
                    continue;
                }
                indicator(pi, match.get(), out);
            }
        }
        if (p.groups() != null) {
            for (Published.Group pg : p.groups()) {
                Optional<GroupResult> g = pg.code() != null
                        ? r.groups().stream().filter(x -> x.code().equals(pg.code())).findFirst()
                        : byName(r.groups(), GroupResult::name, pg.name());
                if (g.isPresent() && pg.points() != null && g.get().points().compareTo(pg.points()) != 0) {
                    out.add(new Inconsistency("GROUP_POINTS", g.get().code(), plain(pg.points()), plain(g.get().points()),
                            "“" + pg.name() + "”公布小计 " + plain(pg.points()) + " 分，按各指标得分合计为 "
                                    + plain(g.get().points()) + " 分"));
                }
            }
        }
        if (p.total() != null && p.total().compareTo(r.total()) != 0) {
            out.add(new Inconsistency("TOTAL", null, plain(p.total()), plain(r.total()),
                    "公布总分 " + plain(p.total()) + " 分，按各指标得分合计为 " + plain(r.total()) + " 分"));
        }
        if (p.grade() != null && !p.grade().isBlank()) {
            BigDecimal basis = p.total() != null ? p.total() : r.total();
            String expected = system.gradeOf(basis);
            if (expected != null && !expected.equals(p.grade().trim())) {
                out.add(new Inconsistency("GRADE", null, p.grade(), expected,
                        "公布等级为“" + p.grade() + "”，按指标体系的等级标准，总分 " + plain(basis) + " 分应为“" + expected + "”"));
            }
        }
        return out;
    }

    /** The exact name first, then one that starts with the other ("管理制度健全" / "管理制度健全性"). */
    private static <T> Optional<T> byName(List<T> items, java.util.function.Function<T, String> name, String wanted) {
        Optional<T> exact = items.stream().filter(i -> clean(name.apply(i)).equals(clean(wanted))).findFirst();
        return exact.isPresent() ? exact : items.stream().filter(i -> sameName(name.apply(i), wanted)).findFirst();
    }

    private static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\s“”\"]", "");
    }

    private static void indicator(Published.Indicator pi, IndicatorResult ir, List<Inconsistency> out) {
        if (pi.points() != null && ir.points() != null && pi.points().compareTo(ir.points()) != 0) {
            out.add(new Inconsistency("INDICATOR_POINTS", ir.code(), plain(pi.points()), plain(ir.points()),
                    "“" + ir.name() + "”公布得分 " + plain(pi.points()) + " 分，按数据和评分规则为 " + plain(ir.points()) + " 分"));
        }
        if (pi.printedValue() == null || ir.measures() == null || ir.measures().isEmpty()) {
            return;
        }
        Matcher m = PRINTED.matcher(pi.printedValue());
        if (!m.matches()) {
            return;
        }
        BigDecimal numerator = new BigDecimal(m.group(1));
        BigDecimal divisor = new BigDecimal(m.group(2));
        BigDecimal printedResult = new BigDecimal(m.group(3));
        figure(pi, ir, numerator, "分子", out);
        figure(pi, ir, divisor, "除数", out);
        if (ir.exactValue() != null) {
            BigDecimal tolerance = BigDecimal.ONE.movePointLeft(Math.max(printedResult.scale(), 0));
            if (ir.exactValue().subtract(printedResult).abs().compareTo(tolerance) >= 0) {
                out.add(new Inconsistency("PRINTED_VALUE", ir.code(), pi.printedValue(), plain(ir.displayValue()),
                        "“" + ir.name() + "”印制的结果 " + plain(printedResult) + m.group(4) + " 与按数据计算的 "
                                + plain(ir.displayValue()) + (ir.unit() == null ? "" : ir.unit()) + " 不符"));
            }
        }
    }

    /** A printed operand that is not one of the values used, or only their rounding. */
    private static void figure(Published.Indicator pi, IndicatorResult ir, BigDecimal printed, String role,
                               List<Inconsistency> out) {
        Map<String, BigDecimal> used = ir.measures();
        if (used.values().stream().anyMatch(v -> v.compareTo(printed) == 0)) {
            return;
        }
        int scale = Math.max(printed.scale(), 0);
        Optional<Map.Entry<String, BigDecimal>> rounded = used.entrySet().stream()
                .filter(e -> e.getValue().setScale(scale, RoundingMode.HALF_UP).compareTo(printed) == 0
                        || e.getValue().setScale(scale, RoundingMode.DOWN).compareTo(printed) == 0)
                .findFirst();
        if (rounded.isPresent()) {
            out.add(new Inconsistency("PRINTED_FIGURE", ir.code(), plain(printed), plain(rounded.get().getValue()),
                    "“" + ir.name() + "”印制的" + role + " " + plain(printed) + " 是" + Measures.label(rounded.get().getKey()) + " "
                            + plain(rounded.get().getValue()) + " 的取整；按 " + plain(rounded.get().getValue())
                            + " 计算为 " + plain(ir.displayValue()) + (ir.unit() == null ? "" : " " + ir.unit())));
        } else {
            out.add(new Inconsistency("PRINTED_FIGURE", ir.code(), plain(printed), null,
                    "“" + ir.name() + "”印制的" + role + " " + plain(printed) + " 不是计算所用的任何数据（"
                            + used.entrySet().stream().map(e -> Measures.label(e.getKey()) + " " + plain(e.getValue()))
                            .reduce((a, b) -> a + "，" + b).orElse("") + "）"));
        }
    }

    /** "管理制度健全" matches "管理制度健全性"; "专账核算" matches "专账核算管理". */
    static boolean sameName(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        String x = clean(a);
        String y = clean(b);
        return Objects.equals(x, y) || x.startsWith(y) || y.startsWith(x);
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }
}
