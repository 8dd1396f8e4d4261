package cn.perfeval.report.service;

import cn.perfeval.report.domain.Narrative;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reviewer checks in the report's own words, against its data (issue #15, slips 5 and 7 of the
 * golden case): the dates of the evaluation schedule (an evaluation of a fiscal year happens after it
 * ends and before the report is signed), sub-totals that name the wrong group ("预算执行考核指标总计5分"
 * written under 管理制度健全, a 5-point indicator of 预算管理, where 预算执行 has 30 points) or do not add
 * up, and staff counts that differ from the staff table. Each finding quotes the sentence it comes from.
 * Pure: the same texts and data give the same findings.
 */
public final class TextChecks {

    /** One finding: where (section or indicator), the sentence as written, and what is wrong. */
    public record TextFinding(String place, String sentence, String message) {
    }

    private static final Pattern SENTENCE = Pattern.compile("[^。；！？]+[。；！？]?");
    private static final Pattern DATE = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern SUBTOTAL = Pattern.compile(
            "([^，。；：、\\s]{2,20}?)考核指标总计(\\d+(?:\\.\\d+)?)分(?:[，,]\\s*扣\\s*(\\d+(?:\\.\\d+)?)\\s*分[，,]\\s*得\\s*(\\d+(?:\\.\\d+)?)\\s*分)?");
    /** Staff counts as the 机构设置及在职人员情况 states them, and the field of the staff table each one is. */
    private static final Map<Pattern, String[]> STAFF = new LinkedHashMap<>();

    static {
        staff("编制数?(\\d+)人", "authorizedPosts", "编制数");
        staff("实有人数?(\\d+)人", "actual", "实有人数");
        staff("在职(\\d+)人", "inService", "在职人数");
        staff("行政人员(\\d+)人", "administrative", "在职行政人员");
        staff("(?<!参公)事业人员(\\d+)人", "publicInstitution", "事业人员");
        staff("非参公事业人员(\\d+)人", "nonCivilServiceInstitution", "非参公事业人员");
        staff("退休人员(\\d+)人", "retired", "离退休人员");
        staff("遗属补助(\\d+)人", "survivorSubsidy", "遗属补助人员");
    }

    private static void staff(String regex, String field, String label) {
        STAFF.put(Pattern.compile(regex), new String[]{field, label});
    }

    private TextChecks() {
    }

    public static List<TextFinding> check(JsonNode budget, JsonNode score, Narrative n, int year) {
        List<TextFinding> out = new ArrayList<>();
        schedule(n, year, out);
        staffCounts(n, budget.path("staff"), out);
        if (score != null) {
            subtotals(n, score, out);
        }
        return out;
    }

    // ---------------------------------------------------------------- slip 7: the schedule's dates

    private static void schedule(Narrative n, int year, List<TextFinding> out) {
        LocalDate from = LocalDate.of(year + 1, 1, 1);
        LocalDate signed = n.issuedOn();
        for (String sentence : sentences(n.evaluationWork())) {
            Matcher m = DATE.matcher(sentence);
            Integer lastYear = null;
            List<String> early = new ArrayList<>();
            List<String> late = new ArrayList<>();
            while (m.find()) {
                Integer y = m.group(1) != null ? Integer.valueOf(m.group(1)) : lastYear;
                if (y == null) {
                    continue;
                }
                lastYear = y;
                LocalDate d;
                try {
                    d = LocalDate.of(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    out.add(new TextFinding("三、绩效评价工作情况", sentence, "“" + m.group() + "”不是有效的日期"));
                    continue;
                }
                if (d.isBefore(from)) {
                    early.add(y + "年" + m.group(2) + "月" + m.group(3) + "日");
                } else if (signed != null && d.isAfter(signed)) {
                    late.add(y + "年" + m.group(2) + "月" + m.group(3) + "日");
                }
            }
            if (!early.isEmpty()) {
                out.add(new TextFinding("三、绩效评价工作情况", sentence, "评价工作日程中的" + String.join("、", early)
                        + "早于" + year + "年度结束：评价" + year + "年度的支出只能在" + (year + 1) + "年及以后进行"
                        + (signed == null ? "" : "（报告落款为" + chinese(signed) + "）") + "，年份似应为" + (year + 1) + "年"));
            }
            if (!late.isEmpty()) {
                out.add(new TextFinding("三、绩效评价工作情况", sentence, "评价工作日程中的" + String.join("、", late)
                        + "晚于报告落款日期" + chinese(signed)));
            }
        }
    }

    // ---------------------------------------------------------------- staff counts

    private static void staffCounts(Narrative n, JsonNode staff, List<TextFinding> out) {
        if (!staff.isObject()) {
            return;
        }
        for (String sentence : sentences(n.organisation())) {
            for (Map.Entry<Pattern, String[]> p : STAFF.entrySet()) {
                Matcher m = p.getKey().matcher(sentence);
                JsonNode recorded = staff.path(p.getValue()[0]);
                if (m.find() && recorded.isNumber() && recorded.asLong() != Long.parseLong(m.group(1))) {
                    out.add(new TextFinding("（一）机构设置及在职人员情况", sentence, "文中“" + m.group() + "”与人员信息表的"
                            + p.getValue()[1] + " " + recorded.asLong() + " 人不符"));
                }
            }
        }
    }

    // ---------------------------------------------------------------- slip 5: sub-totals

    private record Item(String name, BigDecimal max, String group) {
    }

    private static void subtotals(Narrative n, JsonNode score, List<TextFinding> out) {
        Map<String, Item> groups = new LinkedHashMap<>();
        Map<String, String> groupNames = new LinkedHashMap<>();
        for (JsonNode g : score.path("groups")) {
            groups.put(g.path("name").asText(), new Item(g.path("name").asText(), g.path("maxPoints").decimalValue(), null));
            groupNames.put(g.path("code").asText(), g.path("name").asText());
        }
        Map<String, Item> indicators = new LinkedHashMap<>();
        for (JsonNode i : score.path("indicators")) {
            indicators.put(i.path("name").asText(), new Item(i.path("name").asText(), i.path("maxPoints").decimalValue(),
                    groupNames.get(i.path("group").asText())));
        }
        for (JsonNode i : score.path("indicators")) {
            String reason = i.path("judgement").path("reason").asText("");
            Item context = indicators.get(i.path("name").asText());
            for (String sentence : sentences(reason)) {
                subtotal(sentence, "指标“" + context.name() + "”的评分说明", context, groups, indicators, out);
            }
        }
        for (String text : new String[]{n.outputs(), n.targetSetting(), n.analysisIntro()}) {
            for (String sentence : sentences(text)) {
                subtotal(sentence, "四、部门整体支出绩效情况分析", null, groups, indicators, out);
            }
        }
    }

    private static void subtotal(String sentence, String place, Item context, Map<String, Item> groups,
                                 Map<String, Item> indicators, List<TextFinding> out) {
        Matcher m = SUBTOTAL.matcher(sentence);
        while (m.find()) {
            String named = m.group(1).replace("综上所述", "");
            BigDecimal stated = new BigDecimal(m.group(2));
            Item item = groups.containsKey(named) ? groups.get(named) : indicators.get(named);
            if (item != null && item.max().compareTo(stated) != 0) {
                String meant = "";
                if (context != null && context.max().compareTo(stated) == 0) {
                    meant = "；此句写在“" + context.name() + "”" + (context.group() == null ? "" : "（属“" + context.group() + "”）")
                            + "之下，该指标满分" + plain(stated) + "分，所指应为“" + context.name() + "”";
                } else if (context != null && context.group() != null && groups.containsKey(context.group())
                        && groups.get(context.group()).max().compareTo(stated) == 0) {
                    meant = "；此句写在“" + context.group() + "”之下，该分组满分" + plain(stated) + "分，所指应为“" + context.group() + "”";
                }
                out.add(new TextFinding(place, sentence, "小计所称的“" + named + "”满分" + plain(item.max()) + "分，文中为"
                        + plain(stated) + "分" + meant));
            } else if (item == null && context != null) {
                out.add(new TextFinding(place, sentence, "小计所称的“" + named + "”不是指标体系中的分组或指标"));
            }
            if (m.group(3) != null) {
                BigDecimal deducted = new BigDecimal(m.group(3));
                BigDecimal got = new BigDecimal(m.group(4));
                if (stated.subtract(deducted).compareTo(got) != 0) {
                    out.add(new TextFinding(place, sentence, "总计" + plain(stated) + "分、扣" + plain(deducted) + "分，应得"
                            + plain(stated.subtract(deducted)) + "分，文中为" + plain(got) + "分"));
                }
            }
        }
    }

    // ---------------------------------------------------------------- text

    /** The sentences of a text: up to and including each 。；！？, within each paragraph. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String paragraph : Narrative.paragraphs(text)) {
            Matcher m = SENTENCE.matcher(paragraph.strip());
            while (m.find()) {
                if (!m.group().isBlank()) {
                    out.add(m.group().strip());
                }
            }
        }
        return out;
    }

    private static String chinese(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
