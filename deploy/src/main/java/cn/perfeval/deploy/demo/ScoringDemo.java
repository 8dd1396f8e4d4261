package cn.perfeval.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Records in scoring-service, through its public API, what the golden case adds to its budget
 * figures (which reach scoring through Kafka): the judged points of the county template with
 * short reasons quoted from the report, and the scores, grade and printed working the report
 * publishes, so that scoring lists where they differ from the computed result.
 */
public final class ScoringDemo {

    static final String SYSTEM = "xiangtan-county";
    static final String BY = "中路铺镇绩效自评工作小组";
    static final String EVIDENCE = "湘潭县中路铺镇人民政府2024年度部门整体支出绩效自评报告";

    private ScoringDemo() {
    }

    public static void load(DemoContext ctx) {
        String text = ctx.goldenReportText();
        judge(ctx, "A5", "points", 5, quote(text, "年末无资金结余，分项目核算结余结转", "结余结转分项目核算"));
        judge(ctx, "B1", "deduction", 1, "自评扣 1 分；" + quote(text, "明确了经费审批权限及程序", "管理制度基本健全"));
        judge(ctx, "B2", "points", 5, quote(text, "专账核算管理：", "支出分项目单独核算"));
        judge(ctx, "B3", "points", 5, quote(text, "预决算信息公开性和完善性：", "按规定公开预决算信息"));
        judge(ctx, "B4", "points", 5, quote(text, "政府采购完成情况：", "按规定进行了政府采购"));
        judge(ctx, "C1", "deduction", 1, "自评扣 1 分；" + quote(text, "固定资产做到一物一卡一条码", "资产管理有待进一步加强"));
        judge(ctx, "D1", "deduction", 3, quote(text, "综上所述，产出效果考核指标总计45分", "职责履行扣 3 分"));
        ctx.http().put(ctx.scoring().resolve(yearPath() + "/published"), ctx.write(published(ctx)));
    }

    private static String yearPath() {
        return "/api/units/" + DemoContext.UNIT_CODE + "/years/" + DemoContext.FISCAL_YEAR;
    }

    private static void judge(DemoContext ctx, String indicator, String kind, int value, String reason) {
        ObjectNode body = ctx.json().createObjectNode().put(kind, value).put("reason", reason)
                .put("evidence", EVIDENCE).put("by", BY);
        ctx.http().put(ctx.scoring().resolve(yearPath() + "/judgements/" + SYSTEM + "/" + indicator), ctx.write(body));
    }

    /** The clause of the report that starts at {@code marker} (up to its full stop or semicolon, at most 80 characters). */
    static String quote(String text, String marker, String fallback) {
        int at = text == null ? -1 : text.indexOf(marker);
        if (at < 0) {
            return fallback;
        }
        int stop = text.indexOf('。', at);
        int semicolon = text.indexOf('；', at);
        int end = semicolon >= 0 && (stop < 0 || semicolon < stop) ? semicolon : stop;
        String sentence = (end < 0 ? text.substring(at) : text.substring(at, end + 1)).strip();
        return sentence.length() <= 80 ? sentence : sentence.substring(0, 79) + "…";
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
