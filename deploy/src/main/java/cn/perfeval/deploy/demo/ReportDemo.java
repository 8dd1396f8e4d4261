package cn.perfeval.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;

/**
 * Stores the golden report's narrative (the sections written by people, transcribed from
 * {@code demo/zhonglupu-2024-self-evaluation.txt} into {@code demo/zhonglupu-2024-narrative.json})
 * through report-service's narrative API. The report's tables and scores arrive through Kafka. Sets the county's
 * monitoring settings (湘潭县 2024: thresholds 10 and 20 points) and checks the in-year monitoring of the golden unit
 * and of its county at July against the demo's monthly execution ({@code demo/zhonglupu-2024-targets.json}).
 */
public final class ReportDemo {

    static final String NARRATIVE = "demo/zhonglupu-2024-narrative.json";
    static final String TARGETS = "demo/zhonglupu-2024-targets.json";
    static final String COUNTY = "湘潭县";
    static final int MONTH = 7;

    private ReportDemo() {
    }

    public static void load(DemoContext ctx) {
        JsonNode narrative = narrative(ctx);
        URI uri = ctx.report().resolve("/api/v1/units/" + DemoContext.UNIT_CODE + "/years/" + DemoContext.YEAR
                + "/narrative");
        // Saving is idempotent in content: only a narrative that differs from the current one makes a new version.
        // Version 0 is the skeleton of a narrative nobody has saved yet: the first save needs no If-Match;
        // a later one replaces the version read (docs/api.md, the 428 rule).
        JsonNode current = read(ctx, ctx.http().get(uri));
        if (!current.path("narrative").equals(narrative)) {
            long version = current.path("version").asLong();
            ctx.http().put(uri, ctx.write(narrative), version == 0 ? null : "\"" + version + "\"");
        }
        monitoringSettings(ctx);
        monitoring(ctx);
    }

    /** 湘潭县 2024: execution 10 points, targets 20 points behind before a finding; time progress m/12. */
    static void monitoringSettings(DemoContext ctx) {
        URI uri = county(ctx, "/monitoring-settings");
        JsonNode current = read(ctx, ctx.http().get(uri));
        if (current.path("defaulted").asBoolean() || current.path("executionGapThreshold").decimalValue().compareTo(BigDecimal.TEN) != 0
                || current.path("targetGapThreshold").decimalValue().compareTo(BigDecimal.valueOf(20)) != 0
                || current.has("schedule")) {
            ctx.http().replace(uri, "{\"executionGapThreshold\": 10, \"targetGapThreshold\": 20}");
        }
    }

    /**
     * Waits (up to 60 s) for the golden unit's July execution to reach report-service and checks the unit's and the
     * county's monitoring at July against the demo's figures: cumulative spending = basic + project of July, the
     * execution rate of the adjusted budget, time progress 7/12. Prints what a finance officer would see first.
     */
    static void monitoring(DemoContext ctx) {
        URI unit = ctx.report().resolve("/api/v1/units/" + DemoContext.UNIT_CODE + "/years/" + DemoContext.YEAR
                + "/monitoring?month=" + MONTH);
        JsonNode m = null;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (ctx.http().status(unit) == 200) {
                m = read(ctx, ctx.http().get(unit));
                if (m.path("execution").path("reported").asBoolean() && m.path("targets").size() > 0) {
                    break;
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(500_000_000L);
        }
        if (m == null || !m.path("execution").path("reported").asBoolean()) {
            System.out.println("Demo monitoring: the July execution has not reached report-service; monitoring not checked");
            return;
        }
        JsonNode july = null;
        for (JsonNode e : resource(ctx, TARGETS).path("monthlyExecution")) {
            if (e.path("month").asInt() == MONTH) {
                july = e;
            }
        }
        if (july == null) {
            throw new IllegalStateException("the demo data have no execution for month " + MONTH);
        }
        BigDecimal total = july.path("basicActual").decimalValue().add(july.path("projectActual").decimalValue());
        JsonNode e = m.path("execution");
        BigDecimal rate = total.multiply(BigDecimal.valueOf(100)).divide(e.path("adjustedBudget").decimalValue(), 2, RoundingMode.HALF_UP);
        BigDecimal progress = BigDecimal.valueOf(MONTH * 100).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
        if (e.path("totalActual").decimalValue().compareTo(total) != 0 || e.path("executionRate").decimalValue().compareTo(rate) != 0
                || e.path("timeProgress").decimalValue().compareTo(progress) != 0) {
            throw new IllegalStateException("monitoring at July shows " + e + ", the demo data give spending " + total
                    + ", rate " + rate + " %, time progress " + progress + " %");
        }
        JsonNode c = read(ctx, ctx.http().get(county(ctx, "/monitoring?month=" + MONTH)));
        boolean listed = false;
        for (JsonNode r : c.path("rows")) {
            listed |= r.path("unitCode").asText().equals(DemoContext.UNIT_CODE)
                    && r.path("executionRate").decimalValue().compareTo(rate) == 0;
        }
        if (!listed) {
            throw new IllegalStateException("the county monitoring at July does not list the demo unit at " + rate + " %: " + c);
        }
        JsonNode p = m.path("projection");
        System.out.printf("Demo monitoring (July): execution %s %% against time progress %s %% (gap %s points, threshold 10); "
                        + "%d targets lagging, %d findings; %s%n", e.path("executionRate").asText(), e.path("timeProgress").asText(),
                e.path("gap").asText(), m.path("laggingTargets").size(), m.path("findings").size(),
                p.isObject() ? p.path("label").asText() + " " + p.path("total").asText() + " " + p.path("grade").asText() : "not scored yet");
    }

    private static URI county(DemoContext ctx, String tail) {
        return ctx.report().resolve("/api/v1/counties/" + java.net.URLEncoder.encode(COUNTY, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20") + "/years/" + DemoContext.YEAR + tail);
    }

    private static JsonNode resource(DemoContext ctx, String path) {
        try (InputStream in = ReportDemo.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + path);
            }
            return ctx.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode narrative(DemoContext ctx) {
        try (InputStream in = ReportDemo.class.getClassLoader().getResourceAsStream(NARRATIVE)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + NARRATIVE);
            }
            return ctx.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(DemoContext ctx, String body) {
        try {
            return ctx.json().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
