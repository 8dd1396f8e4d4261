package cn.perfeval.report.season;

import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.ReportDocument.Block;
import cn.perfeval.report.domain.ReportDocument.Paragraph;
import cn.perfeval.report.domain.ReportDocument.Provenance;
import cn.perfeval.report.domain.ReportDocument.Section;
import cn.perfeval.report.domain.ReportDocument.Table;
import cn.perfeval.report.service.ReportAssembler;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The county document of a season's results in the usual form of a 绩效自评复核 summary, as the structure
 * every document renderer prints (DOCX and HTML as the other county documents; XLSX from the same tables):
 * 一、总体情况; 二、各单位自评及复核情况; 三、抽查复核情况; 四、自评质量问题单位. Made from the overview alone.
 */
public final class ReviewSummaryAssembler {

    private ReviewSummaryAssembler() {
    }

    public static String title(SeasonOverview o) {
        return o.county() + o.year() + "年度部门整体支出绩效自评复核情况汇总";
    }

    public static ReportDocument document(SeasonOverview o) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(1, "一、总体情况", overall(o)));
        sections.add(new Section(1, "二、各单位自评及复核情况", List.of(
                new Paragraph("各单位自评得分为最近一次提交时冻结的总分，复核得分为评价人员复核评分后的总分，偏差为自评得分减复核得分（正数表示自评偏高）；"
                        + "偏差的绝对值超过" + plain(o.deviationThreshold()) + "分的列为自评质量问题。"),
                unitTable(o))));
        sections.add(new Section(1, "三、抽查复核情况", sample(o)));
        sections.addAll(flagged(o));
        String text = "依据：" + o.county() + o.year() + "年度自评季的设置（" + (o.systemName() == null ? "" : "指标体系：" + o.systemName() + "；")
                + "提交截止日期"
                + date(o.deadline()) + "；偏差阈值" + plain(o.deviationThreshold()) + "分），各单位最近一次提交，评分服务当前的复核结果；统计截至"
                + date(o.asOf()) + "。";
        // the renderers print the "unit name" on the first title line and the rest on the second: the title is cut after
        // 绩效 (湘潭县2024年度部门整体支出绩效 / 自评复核情况汇总), as a 22-point line holds about 19 characters
        return new ReportDocument(title(o), null, o.county() + o.year() + "年度部门整体支出绩效", o.year(),
                new Provenance(0, null, null, o.systemCode(), null, null, null, text),
                List.of("根据" + o.county() + o.year() + "年度部门整体支出绩效自评工作安排，各单位已开展自评并提交自评材料，"
                        + o.county() + "财政局对提交的自评结果进行了审核和复核。现将自评复核情况汇总如下。"),
                sections, null, o.county() + "财政局", null, List.of(), null, List.of(), List.of());
    }

    private static List<Block> overall(SeasonOverview o) {
        int filed = count(o, TaskState.SUBMITTED) + count(o, TaskState.IN_REVIEW) + count(o, TaskState.APPROVED) + count(o, TaskState.PUBLISHED);
        int approved = count(o, TaskState.APPROVED) + count(o, TaskState.PUBLISHED);
        int notYet = count(o, TaskState.NOT_STARTED) + count(o, TaskState.FILLING);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph("本年度共下达自评任务" + o.unitsTotal() + "个，提交截止日期为" + date(o.deadline()) + "。截至"
                + date(o.asOf()) + "，已提交" + filed + "个（含审核中" + count(o, TaskState.IN_REVIEW) + "个），已通过" + approved
                + "个（其中已公开" + count(o, TaskState.PUBLISHED) + "个），已退回修改" + count(o, TaskState.RETURNED) + "个，尚未提交"
                + notYet + "个，逾期" + o.overdue().size() + "个。"));
        List<List<String>> stateRows = new ArrayList<>();
        o.states().forEach(s -> stateRows.add(List.of(s.label(), Integer.toString(s.count()))));
        stateRows.add(List.of("合计", Integer.toString(o.unitsTotal())));
        blocks.add(new Table("各状态任务数", null, List.of("状态", "任务数"), stateRows, List.of(1)));
        if (o.overdue().isEmpty()) {
            blocks.add(new Paragraph("没有逾期未提交的单位。"));
        } else {
            StringBuilder p = new StringBuilder("逾期未提交的单位：");
            for (int i = 0; i < o.overdue().size(); i++) {
                SeasonOverview.OverdueUnit u = o.overdue().get(i);
                p.append(i == 0 ? "" : "；").append(name(u.unitName(), u.unitCode())).append("（").append(u.stateLabel())
                        .append("，逾期").append(u.overdueDays()).append("天）");
            }
            blocks.add(new Paragraph(p.append("。").toString()));
        }
        if (o.reviewed() == 0) {
            blocks.add(new Paragraph("尚未对任何单位的自评结果进行复核。"));
        } else {
            blocks.add(new Paragraph("已对" + o.reviewed() + "个单位的自评结果进行复核，其中" + o.flagged() + "个单位自评得分与复核得分的偏差超过"
                    + plain(o.deviationThreshold()) + "分的阈值，列为自评质量问题" + (o.flagged() > 0 ? "（见第四部分）" : "") + "。"));
        }
        List<List<String>> gradeRows = new ArrayList<>();
        o.grades().forEach(g -> gradeRows.add(List.of(g.grade(), Integer.toString(g.self()), Integer.toString(g.review()))));
        blocks.add(new Table("自评与复核等级分布", null, List.of("等级", "自评单位数", "复核单位数"), gradeRows, List.of(1, 2)));
        return blocks;
    }

    /** The table of every unit: 序号, 单位, 状态, 自评得分, 自评等级, 复核得分, 复核等级, 偏差, 自评质量. */
    public static Table unitTable(SeasonOverview o) {
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (SeasonOverview.UnitRow u : o.units()) {
            rows.add(List.of(Integer.toString(++n), name(u.unitName(), u.unitCode()),
                    u.stateLabel() + (u.overdue() ? "（逾期" + u.overdueDays() + "天）" : ""),
                    plain(u.selfTotal()), nz(u.selfGrade()), plain(u.reviewTotal()), nz(u.reviewGrade()), plain(u.deviation()),
                    quality(u)));
        }
        return new Table("各单位自评及复核情况", "分", List.of("序号", "单位", "状态", "自评得分", "自评等级", "复核得分", "复核等级", "偏差", "自评质量"),
                rows, List.of(0, 3, 5, 7));
    }

    /** The 自评质量 cell: over the threshold, within it, or not reviewed. */
    static String quality(SeasonOverview.UnitRow u) {
        if (u.deviation() == null && u.reviewTotal() == null) {
            return "未复核";
        }
        if (u.flagged()) {
            return "偏差超过阈值";
        }
        return "偏差在阈值内";
    }

    private static List<Block> sample(SeasonOverview o) {
        SampleView s = o.latestSample();
        if (s == null) {
            return List.of(new Paragraph("尚未抽取抽查复核单位。"));
        }
        long ruleOnly = s.units().stream().filter(u -> u.reasons().stream().noneMatch(r -> r.code().equals(SampleService.RANDOM))).count();
        StringBuilder p = new StringBuilder("第").append(s.number()).append("次抽取（")
                .append(date(s.drawnAt().atZoneSameInstant(SeasonCalendar.ZONE).toLocalDate())).append("）：从已提交的")
                .append(s.population().size()).append("个单位中按").append(plain(s.share())).append("%的比例随机抽取")
                .append(s.randomCount()).append("个单位（随机种子").append(s.seed()).append("）");
        if (!s.rules().isEmpty()) {
            p.append("，并按规则（");
            for (int i = 0; i < s.rules().size(); i++) {
                p.append(i == 0 ? "" : "、").append(s.rules().get(i).label());
            }
            p.append("）另选入").append(ruleOnly).append("个单位");
        }
        p.append("，共").append(s.units().size()).append("个单位列入抽查复核。");
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (SampleView.SampleUnit u : s.units()) {
            StringBuilder why = new StringBuilder();
            for (SampleView.Reason r : u.reasons()) {
                why.append(why.isEmpty() ? "" : "；").append(r.text());
            }
            rows.add(List.of(Integer.toString(++n), name(u.unitName(), u.unitCode()), why.toString()));
        }
        return List.of(new Paragraph(p.toString()), new Table("抽查复核单位", null, List.of("序号", "单位", "抽取原因"), rows, List.of(0)),
                new Paragraph(SampleDraw.METHOD));
    }

    private static List<Section> flagged(SeasonOverview o) {
        List<Section> out = new ArrayList<>();
        List<SeasonOverview.UnitRow> units = o.units().stream().filter(SeasonOverview.UnitRow::flagged).toList();
        if (units.isEmpty()) {
            out.add(new Section(1, "四、自评质量问题单位", List.of(new Paragraph("没有自评得分与复核得分偏差超过"
                    + plain(o.deviationThreshold()) + "分阈值的单位。"))));
            return out;
        }
        out.add(new Section(1, "四、自评质量问题单位", List.of(new Paragraph("以下" + units.size() + "个单位自评得分与复核得分的偏差超过"
                + plain(o.deviationThreshold()) + "分的阈值，列出评价人员重新评分的指标及复核理由。"))));
        for (int i = 0; i < units.size(); i++) {
            SeasonOverview.UnitRow u = units.get(i);
            List<List<String>> rows = new ArrayList<>();
            int n = 0;
            for (SeasonOverview.ReviewedIndicator r : u.reviewedIndicators()) {
                rows.add(List.of(Integer.toString(++n), r.code() + " " + r.name(), plain(r.maxPoints()), plain(r.selfPoints()),
                        plain(r.reviewPoints()), plain(r.deviation()), nz(r.reason())));
            }
            String name = name(u.unitName(), u.unitCode());
            out.add(new Section(2, "（" + chineseNumber(i + 1) + "）" + name, List.of(
                    new Paragraph("自评得分" + plain(u.selfTotal()) + "分（" + nz(u.selfGrade()) + "），复核得分" + plain(u.reviewTotal())
                            + "分（" + nz(u.reviewGrade()) + "）。" + u.flag() + "。"),
                    new Table(name + "重新评分的指标", "分", List.of("序号", "指标", "满分", "自评得分", "复核得分", "偏差", "复核理由"),
                            rows, List.of(0, 2, 3, 4, 5)))));
        }
        return out;
    }

    private static int count(SeasonOverview o, TaskState s) {
        return o.states().stream().filter(c -> c.state().equals(s.name())).mapToInt(SeasonOverview.StateCount::count).sum();
    }

    static String name(String name, String code) {
        return name == null || name.isBlank() ? code : name;
    }

    static String plain(BigDecimal v) {
        return v == null ? "" : ReportAssembler.plain(v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String chineseNumber(int n) {
        String[] digits = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 10) {
            return digits[n];
        }
        if (n < 20) {
            return "十" + digits[n % 10];
        }
        if (n < 100) {
            return digits[n / 10] + "十" + digits[n % 10];
        }
        return Integer.toString(n);
    }
}
