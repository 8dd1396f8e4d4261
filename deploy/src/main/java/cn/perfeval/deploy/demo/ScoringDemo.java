package cn.perfeval.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Records in scoring-service, through its public API, what the golden case adds to its budget
 * figures (which reach scoring through Kafka): the judged points of the county template, each with
 * the report's own paragraph on that indicator as its reason (whole, without the score clause that
 * the working states again), and the scores, grade and printed working the report publishes, so that
 * scoring lists where they differ from the computed result. The judgements cite no evidence: the
 * report names none, and the report itself is not evidence for what it says. Judgements and published
 * scores are what a person wrote: when they exist already (a second demo run) they are replaced with
 * If-Match, the version just read.
 */
public final class ScoringDemo {

    static final String SYSTEM = "xiangtan-county";
    static final String BY = "中路铺镇绩效自评工作小组";

    private ScoringDemo() {
    }

    public static void load(DemoContext ctx) {
        String text = ctx.goldenReportText();
        judge(ctx, "A5", "points", 5, paragraph(text, "年末无资金结余，分项目核算结余结转"));
        // the original puts its slip 5 under 管理制度健全: "综上所述，预算执行考核指标总计5分，扣 1分，得4分。" names the
        // wrong group (预算执行 has 30 points); kept as written, so that the report's text checks find it
        judge(ctx, "B1", "deduction", 1, paragraph(text, "管理制度健全：") + followingSubtotal(text, "管理制度健全："));
        judge(ctx, "B2", "points", 5, paragraph(text, "专账核算管理："));
        judge(ctx, "B3", "points", 5, paragraph(text, "预决算信息公开性和完善性："));
        judge(ctx, "B4", "points", 5, paragraph(text, "政府采购完成情况："));
        judge(ctx, "C1", "deduction", 1, paragraph(text, "本单位制定了资产管理制度"));
        judge(ctx, "D1", "deduction", 3, leads(text, "5.产出分析：职责履行情况分析", "综上所述，产出效果考核指标"));
        ctx.http().replace(ctx.scoring().resolve(yearPath() + "/published"), ctx.write(published(ctx)));
    }

    private static String yearPath() {
        return "/api/v1/units/" + DemoContext.UNIT_CODE + "/years/" + DemoContext.YEAR;
    }

    private static void judge(DemoContext ctx, String indicator, String kind, int value, String reason) {
        ObjectNode body = ctx.json().createObjectNode().put(kind, value).put("reason", reason).put("by", BY);
        ctx.http().replace(ctx.scoring().resolve(yearPath() + "/judgements/" + SYSTEM + "/" + indicator), ctx.write(body));
    }

    /** A trailing score clause of a paragraph ("，得5分。"): the working states the points once, itself. */
    private static final java.util.regex.Pattern SCORE_CLAUSE = java.util.regex.Pattern.compile("[，,]?\\s*得\\s*\\d+(\\.\\d+)?\\s*分[。.]?$");

    /**
     * The whole paragraph (line) of the report that starts with {@code marker}, without its trailing
     * score clause and ending with a full stop; a marker that is a label ("专账核算管理：") is left out. Fails when the report has no such paragraph: the
     * demo must not invent a reason.
     */
    static String paragraph(String text, String marker) {
        int at = text == null ? -1 : text.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("the golden report has no paragraph starting with " + marker);
        }
        int end = text.indexOf('\n', at);
        String p = (end < 0 ? text.substring(at) : text.substring(at, end)).strip();
        if (marker.endsWith("：")) {
            // "管理制度健全：本单位…": the label is the indicator's name, which the working already states
            p = p.substring(marker.length()).strip();
        }
        p = SCORE_CLAUSE.matcher(p).replaceFirst("");
        return p.endsWith("。") ? p : p + "。";
    }

    /**
     * The sub-total line ("综上所述，…考核指标总计…") that directly follows the paragraph starting with {@code marker}
     * when it is not the last paragraph of its section, exactly as written; "" when the next paragraph is not one.
     */
    static String followingSubtotal(String text, String marker) {
        int at = text.indexOf(marker);
        int end = at < 0 ? -1 : text.indexOf('\n', at);
        if (end < 0) {
            return "";
        }
        for (String line : text.substring(end + 1).split("\n", 4)) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            return l.startsWith("综上所述") && l.contains("考核指标总计") ? l : "";
        }
        return "";
    }

    /**
     * The lead sentence of each paragraph between two headings, joined: the reason of an indicator
     * whose section is longer than a judgement's reason may be (职责履行 runs to several pages,
     * which the report prints from the narrative).
     */
    static String leads(String text, String from, String to) {
        int start = text.indexOf(from);
        int stop = start < 0 ? -1 : text.indexOf(to, start);
        if (start < 0 || stop < 0) {
            throw new IllegalStateException("the golden report has no section between " + from + " and " + to);
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.substring(start + from.length(), stop).split("\n")) {
            String l = line.strip();
            int full = l.indexOf('。');
            if (full > 0) {
                out.append(out.length() == 0 ? "" : "；").append(l, 0, full);
            }
        }
        return out.append("。").toString();
    }

    /** The report's published scores in scoring-service's shape (max → maxPoints, score → points). */
    private static ObjectNode published(DemoContext ctx) {
        JsonNode p = ctx.golden().path("published");
        ObjectNode out = ctx.json().createObjectNode();
        ArrayNode indicators = out.putArray("indicators");
        for (JsonNode i : p.path("indicators")) {
            ObjectNode row = indicators.addObject().put("name", i.path("name").asText()).put("group", i.path("group").asText());
            if (i.hasNonNull("printedFormula")) {
                row.put("printedFormula", i.path("printedFormula").asText());
            }
            if (i.hasNonNull("printedValue")) {
                row.put("printedValue", i.path("printedValue").asText());
            }
            row.set("maxPoints", i.path("max"));
            row.set("points", i.path("score"));
        }
        ArrayNode groups = out.putArray("groups");
        for (JsonNode g : p.path("groups")) {
            ObjectNode row = groups.addObject().put("name", g.path("name").asText());
            row.set("maxPoints", g.path("max"));
            row.set("points", g.path("score"));
        }
        out.set("total", p.path("total"));
        out.put("grade", p.path("grade").asText());
        return out;
    }
}
