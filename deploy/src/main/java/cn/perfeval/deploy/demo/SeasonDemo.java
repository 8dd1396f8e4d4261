package cn.perfeval.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The self-evaluation season of 湘潭县 2024 (docs/season.md), played through the public APIs by the people
 * who play it: the county's administrator opens the season, the golden unit's finance staff start and submit,
 * the county's evaluator reviews, re-scores one indicator and approves, the administrator publishes.
 *
 * <p>The golden unit's data carry the slip the original report printed (支出总表 row 2010499 is 0.01 万元 off
 * its 款 and the 收入总表): budget-service reports it as ERROR findings, so the first submission is refused
 * listing them. The unit corrects the row (274.97 / 185.97, the figures of its 款 and of the 收入总表) and
 * submits again. The evaluator re-scores A5 分项目核算结余结转 from the unit's 5 to 3 points: the unit
 * declared no year-end balance while the adjusted budget less the spending leaves 882.65 万元 (the WARNING
 * BUD-EXE-002 says so), so the review score is 91 against the self-score 93, a deviation of 2 points under the
 * county's threshold of 5.
 *
 * <p>Each step runs only when the task is in the state before it, so running the demo again on the same data
 * changes nothing that was filed.
 */
public final class SeasonDemo {

    static final String COUNTY = "湘潭县";
    static final String SYSTEM = "xiangtan-county";
    static final String DEADLINE = "2025-04-30";
    static final BigDecimal THRESHOLD = BigDecimal.valueOf(5);
    static final String REVIEWED_INDICATOR = "A5";
    static final BigDecimal REVIEW_POINTS = BigDecimal.valueOf(3);
    static final String REVIEW_REASON = "单位申报年末无资金结余，但调整后预算5295.65万元减去实际支出4413万元后尚有882.65万元，"
            + "自评材料未说明其结余结转情况，分项目核算结余结转的依据不足，扣2分。";
    static final String REVIEW_EVIDENCE = "2024年度预算执行数据；预算数据审核发现BUD-EXE-002";
    static final String CORRECTED_ROW = "2010499";

    private SeasonDemo() {
    }

    /** What the season's run showed, for the launcher's line and the end-to-end test. */
    public record Outcome(List<String> refusedFor, int submissionNumber, String state, String stateLabel,
                          BigDecimal selfTotal, BigDecimal reviewTotal, BigDecimal deviation) {
    }

    /**
     * Plays the season with one token per person: {@code admin} (the finance bureau's administrator),
     * {@code finance} (the golden unit's finance staff), {@code evaluator} (湘潭县's evaluator).
     */
    public static Outcome run(DemoContext ctx, String admin, String finance, String evaluator) {
        Http asAdmin = new Http(admin);
        Http asFinance = new Http(finance);
        Http asEvaluator = new Http(evaluator);
        URI season = county(ctx, "/season");
        if (asAdmin.getAnswer(season).status() == 404) {
            ObjectNode body = ctx.json().createObjectNode().put("systemCode", SYSTEM).put("deadline", DEADLINE)
                    .put("deviationThreshold", THRESHOLD);
            body.putArray("unitCodes").add(DemoContext.UNIT_CODE);
            asAdmin.post(season, ctx.write(body));
        }
        URI task = unitYear(ctx, "/task");
        URI transitions = unitYear(ctx, "/task/transitions");
        List<String> refusedFor = new ArrayList<>();

        if (state(ctx, asFinance, task).equals("NOT_STARTED")) {
            transition(ctx, asFinance, task, transitions, "START", null);
        }
        if (List.of("FILLING", "RETURNED").contains(state(ctx, asFinance, task))) {
            Http.Answer first = submit(ctx, asFinance, task, transitions);
            if (first.status() == 409) {
                for (JsonNode e : read(ctx, first.body()).path("errors")) {
                    refusedFor.add(e.path("message").asText());
                }
                correctTheSlip(ctx, asFinance);
                Http.Answer second = submit(ctx, asFinance, task, transitions);
                if (!second.ok()) {
                    throw new IllegalStateException("the corrected submission was refused: " + second.status() + " " + second.body());
                }
            } else if (!first.ok()) {
                throw new IllegalStateException("the submission answered " + first.status() + ": " + first.body());
            }
        }
        if (state(ctx, asEvaluator, task).equals("SUBMITTED")) {
            transition(ctx, asEvaluator, task, transitions, "REVIEW", null);
        }
        if (state(ctx, asEvaluator, task).equals("IN_REVIEW")) {
            URI review = ctx.scoring().resolve("/api/v1/units/" + DemoContext.UNIT_CODE + "/years/" + DemoContext.YEAR
                    + "/reviews/" + SYSTEM + "/" + REVIEWED_INDICATOR);
            ObjectNode judgement = ctx.json().createObjectNode().put("points", REVIEW_POINTS).put("reason", REVIEW_REASON)
                    .put("evidence", REVIEW_EVIDENCE);
            asEvaluator.replace(review, ctx.write(judgement));
            JsonNode reviewed = awaitOverview(ctx, asEvaluator, row -> row.has("reviewTotal"));
            transition(ctx, asEvaluator, task, transitions, "APPROVE", "复核通过：自评得分" + reviewed.path("selfTotal").asText()
                    + "分，复核得分" + reviewed.path("reviewTotal").asText() + "分，偏差" + reviewed.path("deviation").asText()
                    + "分，未超过县定阈值" + THRESHOLD + "分。");
        }
        if (state(ctx, asAdmin, task).equals("APPROVED")) {
            transition(ctx, asAdmin, task, transitions, "PUBLISH", null);
        }
        JsonNode t = read(ctx, asAdmin.get(task));
        JsonNode row = awaitOverview(ctx, asAdmin, r -> true);
        return new Outcome(refusedFor, t.path("submissions").asInt(), t.path("state").asText(), t.path("stateLabel").asText(),
                row.path("selfTotal").decimalValue(), row.has("reviewTotal") ? row.path("reviewTotal").decimalValue() : null,
                row.has("deviation") ? row.path("deviation").decimalValue() : null);
    }

    /** The launcher's line about the season. */
    public static String describe(Outcome o) {
        return "Demo season (" + COUNTY + " " + DemoContext.YEAR + "): "
                + (o.refusedFor().isEmpty() ? "" : "the first submission was refused for " + o.refusedFor().size()
                + " findings (支出总表 " + CORRECTED_ROW + " is 0.01 万元 off), corrected and ")
                + "filed as submission " + o.submissionNumber() + "; self-score " + o.selfTotal()
                + (o.reviewTotal() == null ? "" : ", review " + o.reviewTotal() + " after re-scoring " + REVIEWED_INDICATOR
                + " (deviation " + o.deviation() + ", threshold " + THRESHOLD + ")")
                + "; task " + o.stateLabel();
    }

    /** Submits once the unit's latest data and score have reached report-service; the answer whatever it is. */
    private static Http.Answer submit(DemoContext ctx, Http http, URI task, URI transitions) {
        Http.Answer task0 = http.getAnswer(task);
        return http.postAnswer(transitions, "{\"action\": \"SUBMIT\"}", task0.etag());
    }

    /**
     * The unit's correction of the slip: row 2010499 of the 支出总表 to 274.97 / 185.97 / 89, then waits (60 s at
     * most) until report-service holds budget data without ERROR findings and a score computed on them.
     */
    private static void correctTheSlip(DemoContext ctx, Http http) {
        JsonNode g = ctx.golden();
        ObjectNode expenditure = ctx.json().createObjectNode().put("amountUnit", g.path("amountUnit").asText());
        ArrayNode rows = expenditure.putArray("rows");
        for (JsonNode r : g.path("expenditureByFunction").path("rows")) {
            ObjectNode row = r.deepCopy();
            if (row.path("code").asText().equals(CORRECTED_ROW)) {
                row.put("total", new BigDecimal("274.97")).put("basic", new BigDecimal("185.97"));
            }
            rows.add(row);
        }
        URI budget = ctx.budget().resolve("/api/v1/units/" + DemoContext.UNIT_CODE + "/years/" + DemoContext.YEAR + "/budget");
        http.put(budget.resolve(budget.getPath() + "/expenditure"), ctx.write(expenditure));
        long version = read(ctx, http.get(budget)).path("version").asLong();
        URI report = unitYear(ctx, "/report?format=json");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            Http.Answer a = http.getAnswer(report);
            if (a.ok() && provenance(read(ctx, a.body()), version)) {
                return;
            }
            LockSupport.parkNanos(250_000_000L);
        }
        throw new IllegalStateException("the corrected budget data (version " + version + ") and their score did not reach report-service within 60 s");
    }

    /** True when the report rests on budget version {@code version} and a score computed on it. */
    private static boolean provenance(JsonNode report, long version) {
        JsonNode p = report.path("provenance");
        return p.path("budgetVersion").asLong() == version && p.path("scoredBudgetVersion").asLong() == version;
    }

    private static String state(DemoContext ctx, Http http, URI task) {
        return read(ctx, http.get(task)).path("state").asText();
    }

    private static void transition(DemoContext ctx, Http http, URI task, URI transitions, String action, String comment) {
        Http.Answer current = http.getAnswer(task);
        ObjectNode body = ctx.json().createObjectNode().put("action", action);
        if (comment != null) {
            body.put("comment", comment);
        }
        Http.Answer a = http.postAnswer(transitions, ctx.write(body), current.etag());
        if (!a.ok()) {
            throw new IllegalStateException(action + " answered " + a.status() + ": " + a.body());
        }
    }

    /** The golden unit's row of the county overview once {@code ready} holds (60 s at most). */
    private static JsonNode awaitOverview(DemoContext ctx, Http http, Predicate<JsonNode> ready) {
        URI overview = county(ctx, "/season/overview");
        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode row : read(ctx, http.get(overview)).path("units")) {
                if (row.path("unitCode").asText().equals(DemoContext.UNIT_CODE)) {
                    last = row;
                    if (ready.test(row)) {
                        return row;
                    }
                }
            }
            LockSupport.parkNanos(250_000_000L);
        }
        throw new IllegalStateException("the season overview did not show the golden unit as expected within 60 s: " + last);
    }

    private static URI county(DemoContext ctx, String tail) {
        return ctx.report().resolve("/api/v1/counties/" + URLEncoder.encode(COUNTY, StandardCharsets.UTF_8).replace("+", "%20")
                + "/years/" + DemoContext.YEAR + tail);
    }

    private static URI unitYear(DemoContext ctx, String tail) {
        return ctx.report().resolve("/api/v1/units/" + DemoContext.UNIT_CODE + "/years/" + DemoContext.YEAR + tail);
    }

    private static JsonNode read(DemoContext ctx, String body) {
        try {
            return ctx.json().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
