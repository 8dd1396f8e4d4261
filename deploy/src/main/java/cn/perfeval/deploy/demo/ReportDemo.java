package cn.perfeval.deploy.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Stores the golden report's narrative (the sections written by people, transcribed from
 * {@code demo/zhonglupu-2024-self-evaluation.txt} into {@code demo/zhonglupu-2024-narrative.json})
 * through report-service's narrative API. The report's tables and scores arrive through Kafka.
 */
public final class ReportDemo {

    static final String NARRATIVE = "demo/zhonglupu-2024-narrative.json";

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
