package cn.perfeval.report.service;

import cn.perfeval.report.domain.CountyMonitoring;
import cn.perfeval.report.domain.Narrative;
import cn.perfeval.report.domain.NarrativeVersion;
import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Block;
import cn.perfeval.report.domain.ReportDocument.HeaderCell;
import cn.perfeval.report.domain.ReportDocument.Paragraph;
import cn.perfeval.report.domain.ReportDocument.Provenance;
import cn.perfeval.report.domain.ReportDocument.Section;
import cn.perfeval.report.domain.ReportDocument.Table;
import cn.perfeval.report.domain.UnitMonitoring;
import cn.perfeval.report.domain.UnitMonitoring.Execution;
import cn.perfeval.report.domain.UnitMonitoring.Projection;
import cn.perfeval.report.domain.UnitMonitoring.TargetCompletion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static cn.perfeval.report.service.MonitoringCalculator.plain;

/**
 * The monitoring report (绩效运行监控报告) of a unit-year and of a county-year as a {@link ReportDocument}, so that
 * the report's renderers print it (DOCX per GB/T 9704, PDF, HTML). Deterministic: the same inputs give the same
 * document.
 */
public final class MonitoringAssembler {

    private MonitoringAssembler() {
    }

    /** 1—7月, or 1月 for January. */
    static String months(int month) {
        return month == 1 ? "1月" : "1—" + month + "月";
    }

    private static String line(UnitMonitoring.Thresholds s, int month) {
        return "序时进度" + (s.scheduled() ? "按县设定的分月进度" : "按月均（截至" + month + "月为全年的" + month + "/12）") + "计，预算执行偏差预警阈值为"
                + plain(s.executionGapThreshold()) + "个百分点，绩效目标偏差预警阈值为" + plain(s.targetGapThreshold()) + "个百分点。";
    }

    // ---------------------------------------------------------------- unit

    public static ReportDocument unit(UnitMonitoring u, NarrativeVersion nv) {
        int m = u.month();
        Narrative n = nv.narrative();
        List<Section> sections = new ArrayList<>();
        List<String> opening = List.of("根据预算绩效运行监控工作要求，本单位对" + u.year() + "年" + months(m)
                + "预算执行情况和绩效目标实现情况开展了监控。" + line(u.settings(), m) + "现将有关情况报告如下：");

        sections.add(new Section(1, "一、预算执行情况", List.of(new Paragraph(executionText(u)), executionTable(u))));

        List<Block> targets = new ArrayList<>();
        if (u.overallGoal() != null) {
            targets.add(new Paragraph("年度总体目标：" + u.overallGoal()));
        }
        if (u.targets().isEmpty()) {
            targets.add(new Paragraph("本单位" + u.year() + "年度尚未设定绩效指标目标，无法监控目标完成情况。"));
        } else {
            long onTrack = u.targets().stream().filter(t -> MonitoringCalculator.ON_TRACK.equals(t.status())).count();
            long noActual = u.targets().stream().filter(t -> MonitoringCalculator.NO_ACTUAL.equals(t.status())).count();
            targets.add(new Paragraph("本单位共设定绩效指标" + u.targets().size() + "项。截至" + m + "月，完成进度正常的" + onTrack + "项，滞后的"
                    + u.laggingTargets().size() + "项，尚未录入完成值的" + noActual + "项。"));
            targets.add(targetTable(u));
            targets.add(new Paragraph("注：完成进度 = 截至" + m + "月完成值 ÷ 应完成值 × 100%。标“*”的为全年累计类指标（数量指标、以非百分比计量的"
                    + "经济效益指标，以及越小越好的非比率指标），应完成值为全年目标的" + m + "/12（越小越好的为上限，完成值不超过上限即为100%）；"
                    + "其余指标的应完成值为目标值。完成进度低于100%超过" + plain(u.settings().targetGapThreshold())
                    + "个百分点的（越小越好的指标超过上限的）为偏离。"));
        }
        sections.add(new Section(1, "二、绩效目标完成情况", targets));

        List<Block> deviations = new ArrayList<>();
        if (u.findings().isEmpty()) {
            deviations.add(new Paragraph("截至" + m + "月，预算执行和绩效目标完成情况均未超过县设定的预警阈值，未发现偏差。"));
        } else {
            int i = 1;
            for (UnitMonitoring.Finding f : u.findings()) {
                deviations.add(new Paragraph((i++) + "." + f.message()));
            }
        }
        sections.add(new Section(1, "三、偏差情况及原因", deviations));

        List<Block> measures = new ArrayList<>();
        Narrative.paragraphs(n.correctiveMeasures()).forEach(p -> measures.add(new Paragraph(p)));
        if (measures.isEmpty()) {
            measures.add(new Paragraph(u.findings().isEmpty() ? "未发现偏差，本单位未填写纠偏措施。" : "本单位尚未填写纠偏措施。"));
        }
        sections.add(new Section(1, "四、纠偏措施", measures));

        sections.add(new Section(1, "五、全年预计完成情况", projection(u)));

        Projection p = u.projection();
        Long narrative = nv.version() == 0 ? null : nv.version();
        String text = "本报告依据：预算数据第" + u.budgetVersion() + "版；" + (p == null ? "评分：尚无；"
                : "评分第" + p.scoreVersion() + "版（" + p.systemName() + "）；")
                + "监控设置第" + u.settings().version() + "版" + (u.settings().version() == 0 ? "（未设置，使用默认值）" : "") + "；"
                + (narrative == null ? "文字材料：尚未保存。" : "文字材料第" + narrative + "版。");
        String issuer = n.issuer() == null || n.issuer().isBlank() ? u.unitName() : n.issuer();
        return new ReportDocument(u.unitName() + u.year() + "年度部门整体支出绩效运行监控报告（截至" + m + "月）", u.unitCode(),
                u.unitName(), u.year(),
                new Provenance(u.budgetVersion(), p == null ? null : p.scoreVersion(), null, p == null ? null : p.systemCode(), null,
                        p == null ? null : p.systemName(), narrative, text),
                opening, sections, null, issuer, null, List.of(), null, List.of(), List.of());
    }

    static String executionText(UnitMonitoring u) {
        Execution e = u.execution();
        int m = u.month();
        StringBuilder s = new StringBuilder("截至" + m + "月末，本单位");
        s.append(e.adjustedBudget() == null ? "调整后预算尚未录入" : "调整后预算" + plain(e.adjustedBudget()) + "万元");
        if (!e.reported()) {
            return s.append("；").append(m).append("月的分月执行数据尚未报送，暂无法计算预算执行率（序时进度")
                    .append(plain(e.timeProgress())).append("%）。").toString();
        }
        s.append("，累计支出").append(plain(e.totalActual())).append("万元，其中基本支出").append(plain(e.basicActual()))
                .append("万元、项目支出").append(plain(e.projectActual())).append("万元");
        if (e.executionRate() == null) {
            return s.append("；因预算未录入，无法计算预算执行率。").toString();
        }
        s.append("，预算执行率").append(plain(e.executionRate())).append("%，序时进度").append(plain(e.timeProgress())).append("%，");
        int sign = e.gap().signum();
        s.append(sign > 0 ? "低于序时进度" + plain(e.gap()) + "个百分点" : sign < 0 ? "高于序时进度" + plain(e.gap().negate()) + "个百分点"
                : "与序时进度持平");
        if (e.behind()) {
            s.append("，超过县设定的预警阈值").append(plain(u.settings().executionGapThreshold())).append("个百分点");
        }
        return s.append("。").toString();
    }

    static Table executionTable(UnitMonitoring u) {
        Execution e = u.execution();
        String notReported = "未报送";
        List<String> row = List.of(text(e.adjustedBudget()), e.reported() ? text(e.basicActual()) : notReported,
                e.reported() ? text(e.projectActual()) : notReported, e.reported() ? text(e.totalActual()) : notReported,
                text(e.executionRate()), text(e.timeProgress()), text(e.gap()));
        String cumulative = "截至" + u.month() + "月累计支出";
        return new Table("预算执行情况表", "万元",
                List.of("调整后预算", "基本支出", "项目支出", "合计", "执行率（%）", "序时进度（%）", "差距（百分点）"),
                List.of(row), List.of(0, 1, 2, 3, 4, 5, 6),
                List.of(List.of(new HeaderCell("调整后预算", 1, 2), new HeaderCell(cumulative, 3, 1), new HeaderCell("执行率（%）", 1, 2),
                                new HeaderCell("序时进度（%）", 1, 2), new HeaderCell("差距（百分点）", 1, 2)),
                        List.of(new HeaderCell("基本支出", 1, 1), new HeaderCell("项目支出", 1, 1), new HeaderCell("合计", 1, 1))), null);
    }

    static Table targetTable(UnitMonitoring u) {
        List<List<String>> rows = new ArrayList<>();
        for (TargetCompletion t : u.targets()) {
            rows.add(List.of(t.level1(), t.level2(), t.name(), t.targetLabel(),
                    t.actualLabel() == null ? "尚未录入" : t.actualLabel() + (t.actualMonth() != null && t.actualMonth() < u.month()
                            ? "（" + t.actualMonth() + "月数）" : ""),
                    t.completion() == null ? "" : plain(t.completion()) + "%" + (t.proRata() ? "*" : ""),
                    switch (t.status()) {
                        case MonitoringCalculator.LAGGING -> "是";
                        case MonitoringCalculator.NO_ACTUAL -> "未录入";
                        default -> "否";
                    }));
        }
        return new Table("绩效目标完成情况表", null,
                List.of("一级指标", "二级指标", "三级指标", "指标值", "截至" + u.month() + "月完成值", "完成进度", "是否偏离"),
                rows, List.of());
    }

    static List<Block> projection(UnitMonitoring u) {
        Projection p = u.projection();
        if (p == null) {
            return List.of(new Paragraph("评分服务尚未计算本单位" + u.year() + "年度的得分，暂无全年预计完成情况。"));
        }
        List<Block> out = new ArrayList<>();
        StringBuilder s = new StringBuilder("按");
        s.append(p.systemName() == null ? "指定的指标体系" : p.systemName()).append(p.projected() ? "对现有数据计算，" : "计算，")
                .append(p.label()).append(plain(p.total())).append("分");
        if (p.maxTotal() != null) {
            s.append("（满分").append(plain(p.maxTotal())).append("分）");
        }
        s.append("，").append(p.projected() ? "预计等次" : "等次").append("为“").append(p.grade() == null ? "无" : p.grade()).append("”");
        if (!p.complete()) {
            s.append("；尚有指标待评定或缺少数据，得分与等次为暂定");
        }
        s.append("。");
        out.add(new Paragraph(s.toString()));
        if (!p.missing().isEmpty()) {
            StringBuilder missing = new StringBuilder("计算尚缺的数据（").append(p.missing().size()).append("项）：");
            List<String> items = new ArrayList<>();
            for (UnitMonitoring.Missing m : p.missing()) {
                items.add(strip(m.message()));
            }
            out.add(new Paragraph(missing.append(String.join("；", items)).append("。").toString()));
        } else if (p.projected()) {
            out.add(new Paragraph("计算所需的数据均已录入；年终数据录入后按全年数据重新计算。"));
        }
        return out;
    }

    // ---------------------------------------------------------------- county

    public static ReportDocument county(CountyMonitoring c) {
        int m = c.month();
        List<Section> sections = new ArrayList<>();
        List<String> opening = List.of("根据预算绩效运行监控工作要求，对" + c.county() + "所属" + c.rows().size() + "个预算单位" + c.year() + "年" + months(m)
                + "预算执行情况和绩效目标实现情况进行了汇总监控。" + line(c.settings(), m) + "现将有关情况报告如下：");

        List<Block> overall = new ArrayList<>();
        long reported = c.rows().stream().filter(CountyMonitoring.Row::reported).count();
        long over = c.rows().stream().filter(CountyMonitoring.Row::behind).count();
        long laggingUnits = c.rows().stream().filter(r -> r.laggingTargets() > 0).count();
        overall.add(new Paragraph("共" + c.rows().size() + "个单位，" + m + "月的分月执行数据已报送" + reported + "个；预算执行率低于序时进度超过"
                + plain(c.settings().executionGapThreshold()) + "个百分点的" + over + "个；有绩效目标完成进度滞后的" + laggingUnits + "个。"));
        List<String> bands = new ArrayList<>();
        for (CountyMonitoring.Band b : c.gapBands()) {
            if (b.count() > 0) {
                bands.add(b.label() + "的" + b.count() + "个");
            }
        }
        overall.add(new Paragraph("按预算执行率与序时进度（" + plain(c.timeProgress()) + "%）的差距：" + String.join("，", bands) + "。"));
        List<String> grades = new ArrayList<>();
        for (CountyMonitoring.GradeCount g : c.gradeDistribution()) {
            grades.add(g.grade() + g.count() + "个");
        }
        long projected = c.rows().stream().filter(r -> Boolean.TRUE.equals(r.projected())).count();
        long yearEnd = c.rows().stream().filter(r -> Boolean.FALSE.equals(r.projected())).count();
        overall.add(new Paragraph("全年得分等次分布：" + String.join("，", grades) + "（其中预计得分" + projected + "个，年终得分" + yearEnd + "个）。"));
        sections.add(new Section(1, "一、总体情况", overall));

        List<List<String>> rows = new ArrayList<>();
        for (CountyMonitoring.Row r : c.rows()) {
            rows.add(countyRow(r));
        }
        sections.add(new Section(1, "二、各单位监控情况", List.of(new Table("各单位绩效运行监控情况表", null,
                List.of("单位名称", "执行率（%）", "序时进度（%）", "差距（百分点）", "滞后目标数", "全年得分", "等次"), rows, List.of(1, 2, 3, 4, 5)))));

        List<Block> behind = new ArrayList<>();
        if (c.mostBehind().isEmpty()) {
            behind.add(new Paragraph("截至" + m + "月，没有预算执行率低于序时进度的单位。"));
        } else {
            behind.add(new Paragraph("预算执行率低于序时进度的单位，按差距从大到小（至多" + MonitoringCalculator.MOST_BEHIND + "个）列示如下；"
                    + "差距超过预警阈值" + plain(c.settings().executionGapThreshold()) + "个百分点的单位应分析原因、采取纠偏措施。"));
            List<List<String>> most = new ArrayList<>();
            int i = 1;
            for (CountyMonitoring.Row r : c.mostBehind()) {
                most.add(List.of(Integer.toString(i++), r.unitName(), text(r.executionRate()), text(r.gap()),
                        r.behind() ? "是" : "否", r.laggingTargetNames().isEmpty() ? "无" : String.join("、", r.laggingTargetNames())));
            }
            behind.add(new Table("执行进度落后单位表", null, List.of("序号", "单位名称", "执行率（%）", "差距（百分点）", "超过预警阈值", "滞后目标"),
                    most, List.of(0, 2, 3)));
        }
        sections.add(new Section(1, "三、执行进度落后的单位", behind));

        String text = "本报告依据：各单位最新的预算数据和评分（版本见各单位监控结果）；监控设置第" + c.settings().version() + "版"
                + (c.settings().version() == 0 ? "（未设置，使用默认值）" : "") + "。";
        return new ReportDocument(c.county() + c.year() + "年度部门整体支出绩效运行监控汇总报告（截至" + m + "月）", null, c.county(), c.year(),
                new Provenance(0, null, null, null, null, null, null, text), opening, sections, null,
                c.county() + "财政局", null, List.of(), null, List.of(), List.of());
    }

    static List<String> countyRow(CountyMonitoring.Row r) {
        String score = r.total() == null ? "未评分" : plain(r.total()) + (Boolean.TRUE.equals(r.projected())
                ? "（" + r.scoreLabel().replace("预计得分", "预计").replace("（", "，").replace("）", "") + "）" : "");
        return List.of(r.unitName(), r.reported() ? text(r.executionRate()) : "未报送", text(r.timeProgress()), text(r.gap()),
                Integer.toString(r.laggingTargets()), score, r.grade() == null ? "" : r.grade());
    }

    private static String text(BigDecimal v) {
        return v == null ? "—" : plain(v);
    }

    private static String strip(String s) {
        String t = s == null ? "" : s.strip();
        while (t.endsWith("。") || t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
