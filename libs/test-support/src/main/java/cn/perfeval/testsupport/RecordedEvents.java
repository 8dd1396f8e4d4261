package cn.perfeval.testsupport;

import cn.perfeval.events.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Events of the golden case as the real producers publish them, recorded under
 * {@code libs/events/src/test/resources/events/}: budget-service records its
 * {@code BudgetUnitYearChanged}, scoring-service its {@code UnitYearScored} computed from that
 * recording, and report-service's tests consume them. A producer's test compares what it produces
 * now with the recording and fails when they differ, so the recording cannot go stale; run it with
 * {@code -Devents.record=true} to write the recording anew (and review the diff).
 *
 * <p>Before comparing, what differs from run to run is replaced by fixed values: the event id, the
 * times, and the unit code the test used (by the golden case's own code).
 */
public final class RecordedEvents {

    public static final String BUDGET = "budget-unit-year-changed.json";
    public static final String SCORE = "unit-year-scored.json";
    /** The golden case's unit code, as recorded. */
    public static final String GOLDEN_UNIT = "114303210062309155";

    private static final ObjectMapper JSON = EventCodec.mapper();
    private static final String EVENT_ID = "00000000-0000-4000-8000-000000000001";
    private static final String TIME = "2026-11-26T20:10:00Z";

    private RecordedEvents() {
    }

    /** The folder of the recordings, from a module's directory (where Maven runs its tests). */
    public static Path dir() {
        Path p = Path.of("..", "libs", "events", "src", "test", "resources", "events");
        return Files.isDirectory(p) ? p : Path.of("libs", "events", "src", "test", "resources", "events");
    }

    /** A recording as text, with {@code unitCode} in place of the golden unit code. */
    public static String read(String file, String unitCode) {
        try {
            return Files.readString(dir().resolve(file), StandardCharsets.UTF_8).replace(GOLDEN_UNIT, unitCode);
        } catch (IOException e) {
            throw new UncheckedIOException("no recording " + file + " (run the producer's test with -Devents.record=true)", e);
        }
    }

    /**
     * Compares an event a producer published for {@code unitCode} with the recording, after
     * normalising; with {@code -Devents.record=true}, writes it as the new recording instead.
     */
    public static void assertRecorded(String file, String produced, String unitCode) {
        String normalised = normalise(produced, unitCode);
        Path path = dir().resolve(file);
        try {
            if (Boolean.getBoolean("events.record")) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, normalised, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(path)) {
                throw new AssertionError("no recording " + path + "; run this test with -Devents.record=true");
            }
            String recorded = Files.readString(path, StandardCharsets.UTF_8);
            if (!recorded.equals(normalised)) {
                throw new AssertionError("the producer no longer publishes the recorded " + file + " ("
                        + firstDifference(recorded, normalised) + "); if the change is intended, rerun with "
                        + "-Devents.record=true, review the diff and keep docs/events.md and the schema in step");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String normalise(String produced, String unitCode) {
        try {
            JsonNode tree = JSON.readTree(produced);
            fix(tree, unitCode);
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fix(JsonNode node, String unitCode) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                switch (f.getKey()) {
                    case "eventId" -> f.setValue(TextNode.valueOf(EVENT_ID));
                    case "occurredAt", "at" -> f.setValue(TextNode.valueOf(TIME));
                    default -> {
                        if (f.getValue().isTextual() && f.getValue().asText().equals(unitCode)) {
                            f.setValue(TextNode.valueOf(GOLDEN_UNIT));
                        } else {
                            fix(f.getValue(), unitCode);
                        }
                    }
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(n -> fix(n, unitCode));
        }
    }

    private static String firstDifference(String recorded, String produced) {
        String[] a = recorded.split("\n", -1);
        String[] b = produced.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": recorded " + x.strip() + ", produced " + y.strip();
            }
        }
        return "same lines";
    }
}
