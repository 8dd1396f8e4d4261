package cn.perfeval.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema of each event and its record describe the same thing: the recorded golden-case
 * event (published by the real producer) read into the record and written again is valid, the
 * schema is closed (an unknown field fails), and every record, nested ones included, has exactly
 * the fields its schema object lists, with the schema's required fields among them.
 */
class EventSchemaTest {

    private static final ObjectMapper JSON = EventCodec.mapper();

    static Schema schema(String file) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("schemas/" + file), InputFormat.JSON);
    }

    static String resource(String path) {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object read(String recording, Class<?> type) throws UnreadableEventException {
        return type == BudgetUnitYearChanged.class ? EventCodec.readBudgetEvent(recording)
                : type == TaskStateChanged.class ? EventCodec.readTaskStateChanged(recording) : EventCodec.readScoreEvent(recording);
    }

    @ParameterizedTest
    @CsvSource({"budget-unit-year-changed.schema.json, budget-unit-year-changed.json, cn.perfeval.events.BudgetUnitYearChanged",
            "unit-year-scored.schema.json, unit-year-scored.json, cn.perfeval.events.UnitYearScored",
            "task-state-changed.schema.json, task-state-changed.json, cn.perfeval.events.TaskStateChanged"})
    void theRecordedEventWrittenByTheRecordIsValid(String schemaFile, String recordingFile, Class<?> type) throws Exception {
        Schema schema = schema(schemaFile);
        String recording = resource("events/" + recordingFile);
        assertThat(schema.validate(recording, InputFormat.JSON)).as("recording").isEmpty();
        String written = EventCodec.write(read(recording, type));
        List<Error> errors = schema.validate(written, InputFormat.JSON);
        assertThat(errors).as("written by the record").isEmpty();
        // the record keeps every field of the recording: nothing is lost on the way through it
        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(recording));

        ObjectNode extra = (ObjectNode) JSON.readTree(written);
        extra.put("notInTheSchema", 1);
        assertThat(schema.validate(extra.toString(), InputFormat.JSON)).as("an unknown field").isNotEmpty();
        ObjectNode missing = (ObjectNode) JSON.readTree(written);
        missing.remove("unitCode");
        assertThat(schema.validate(missing.toString(), InputFormat.JSON)).as("a missing required field").isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({"budget-unit-year-changed.schema.json, cn.perfeval.events.BudgetUnitYearChanged",
            "unit-year-scored.schema.json, cn.perfeval.events.UnitYearScored",
            "task-state-changed.schema.json, cn.perfeval.events.TaskStateChanged"})
    void everyRecordHasExactlyTheFieldsOfItsSchema(String schemaFile, Class<?> type) throws Exception {
        JsonNode schema = JSON.readTree(resource("schemas/" + schemaFile));
        List<String> problems = new ArrayList<>();
        compare(type, schema, schema, type.getSimpleName(), problems, new java.util.HashSet<>());
        assertThat(problems).isEmpty();
    }

    private static void compare(Class<?> record, JsonNode node, JsonNode root, String where, List<String> problems,
                                Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return; // a record nested in itself (a revenue item's children) is compared once
        }
        JsonNode object = resolve(node, root);
        assertThat(object.path("additionalProperties").asBoolean(true)).as(where + " is closed").isFalse();
        Set<String> properties = new LinkedHashSet<>();
        object.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = new LinkedHashSet<>();
        for (RecordComponent c : record.getRecordComponents()) {
            components.add(c.getName());
            if (!properties.contains(c.getName())) {
                problems.add(where + "." + c.getName() + " is not in the schema");
                continue;
            }
            Class<?> nested = recordType(c.getGenericType());
            if (nested != null) {
                JsonNode p = resolve(object.path("properties").path(c.getName()), root);
                compare(nested, p.has("items") ? p.path("items") : p, root, where + "." + c.getName(), problems, seen);
            }
        }
        for (String p : properties) {
            if (!components.contains(p)) {
                problems.add(where + "." + p + " is in the schema but not in the record");
            }
        }
        object.path("required").forEach(r -> {
            if (!components.contains(r.asText())) {
                problems.add(where + "." + r.asText() + " is required by the schema but not in the record");
            }
        });
    }

    /** A $ref, or the non-null branch of a oneOf [ref, null], followed to its definition. */
    private static JsonNode resolve(JsonNode node, JsonNode root) {
        if (node.has("oneOf")) {
            for (JsonNode branch : node.path("oneOf")) {
                if (branch.has("$ref")) {
                    return resolve(branch, root);
                }
            }
        }
        if (node.has("$ref")) {
            return root.at(node.path("$ref").asText().substring(1));
        }
        return node;
    }

    /** The record type of a component, or of the elements of a list component; null otherwise. */
    private static Class<?> recordType(Type type) {
        if (type instanceof Class<?> c) {
            return c.isRecord() ? c : null;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof Class<?> e && e.isRecord()) {
            return e;
        }
        return null;
    }
}
