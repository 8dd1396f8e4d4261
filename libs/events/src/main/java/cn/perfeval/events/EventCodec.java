package cn.perfeval.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TimeZone;

/**
 * Writes and reads the events of {@code budget-events}, {@code score-events} and {@code season-events}: the
 * producers write with {@link #write}, every consumer reads with {@link #readBudgetEvent},
 * {@link #readScoreEvent} or {@link #readTaskStateChanged}, so that the JSON on the wire has one definition.
 *
 * <p>Reading is strict about what makes an event usable and lenient about the rest: the value must
 * be UTF-8, one JSON object (no duplicate keys, nothing after it, at most {@value #MAX_NESTING_DEPTH}
 * levels deep), of the expected {@code type}, of a {@code schemaVersion} in
 * {@link SchemaVersions#SUPPORTED}, with its identity ({@code unitCode}, {@code fiscalYear}, a
 * positive {@code version}) and the fields its consumers cannot do without; fields this version
 * does not know are ignored (they are added without a schema bump). Anything else throws
 * {@link UnreadableEventException} whose message is the dead-letter reason, starting with
 * {@code undecodable:} or {@code invalid:}.
 */
public final class EventCodec {

    public static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = mapper();

    private EventCodec() {
    }

    /** The mapper of the wire format: plain decimals, ISO-8601 times in UTC, unknown fields ignored when reading. */
    public static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper().registerModule(new JavaTimeModule());
        m.setTimeZone(TimeZone.getTimeZone("UTC")); // times on the wire are UTC, as Quarkus's mapper wrote them
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            m.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return m;
    }

    /** The JSON of an event as it goes on the wire (and into the outbox). */
    public static String write(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable: " + e.getOriginalMessage(), e);
        }
    }

    public static BudgetUnitYearChanged readBudgetEvent(byte[] value) throws UnreadableEventException {
        return readBudgetEvent(utf8(value));
    }

    public static BudgetUnitYearChanged readBudgetEvent(String value) throws UnreadableEventException {
        JsonNode tree = checkedTree(value, BudgetUnitYearChanged.TYPE);
        JsonNode unit = tree.path("unit");
        if (!unit.path("name").isTextual() || !unit.path("county").isTextual()) {
            throw invalid("unit name and county are required");
        }
        JsonNode measures = tree.path("measures");
        if (!measures.isObject()) {
            throw invalid("measures must be an object of decimals");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = measures.fields(); it.hasNext(); ) {
            if (!it.next().getValue().isNumber()) {
                throw invalid("measures must be an object of decimals");
            }
        }
        return convert(tree, BudgetUnitYearChanged.class);
    }

    public static UnitYearScored readScoreEvent(byte[] value) throws UnreadableEventException {
        return readScoreEvent(utf8(value));
    }

    public static UnitYearScored readScoreEvent(String value) throws UnreadableEventException {
        JsonNode tree = checkedTree(value, UnitYearScored.TYPE);
        if (!tree.path("system").path("code").isTextual()) {
            throw invalid("system.code is required");
        }
        return convert(tree, UnitYearScored.class);
    }

    public static TaskStateChanged readTaskStateChanged(byte[] value) throws UnreadableEventException {
        return readTaskStateChanged(utf8(value));
    }

    /**
     * A season event: its identity is the unit-year and {@code taskVersion} (positive), with the season, the
     * action and the state it moved to.
     */
    public static TaskStateChanged readTaskStateChanged(String value) throws UnreadableEventException {
        JsonNode tree = checkedHeader(value, TaskStateChanged.TYPE);
        JsonNode version = tree.path("taskVersion");
        if (!tree.path("unitCode").isTextual() || tree.path("unitCode").asText().isBlank()
                || !tree.path("fiscalYear").isIntegralNumber() || !tree.path("fiscalYear").canConvertToInt()
                || !version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 1) {
            throw invalid("unitCode, fiscalYear and a positive taskVersion are required");
        }
        if (!tree.path("seasonId").isIntegralNumber() || !tree.path("action").isTextual()
                || !tree.path("toState").isTextual()) {
            throw invalid("seasonId, action and toState are required");
        }
        return convert(tree, TaskStateChanged.class);
    }

    /** The value as UTF-8 text; a value that is not UTF-8 is undecodable. */
    private static String utf8(byte[] value) throws UnreadableEventException {
        if (value == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableEventException("undecodable: the value is not UTF-8", e);
        }
    }

    /** The parsed event after the checks common to both events: object, type, schemaVersion, identity. */
    private static JsonNode checkedTree(String value, String expectedType) throws UnreadableEventException {
        JsonNode tree = checkedHeader(value, expectedType);
        JsonNode version = tree.path("version");
        if (!tree.path("unitCode").isTextual() || tree.path("unitCode").asText().isBlank()
                || !tree.path("fiscalYear").isIntegralNumber() || !tree.path("fiscalYear").canConvertToInt()
                || !version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 1) {
            throw invalid("unitCode, fiscalYear and a positive version are required");
        }
        return tree;
    }

    /** The parsed event after the checks common to every event: object, type, schemaVersion. */
    private static JsonNode checkedHeader(String value, String expectedType) throws UnreadableEventException {
        if (value == null) {
            throw new UnreadableEventException("undecodable: empty record");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("undecodable: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw invalid("not a JSON object");
        }
        JsonNode type = tree.path("type");
        if (!expectedType.equals(type.asText(null))) {
            throw invalid("type must be " + expectedType + " (unknown event type "
                    + (type.isMissingNode() ? "none" : type.asText()) + ")");
        }
        JsonNode schemaVersion = tree.path("schemaVersion");
        if (schemaVersion.isMissingNode() || schemaVersion.isNull()) {
            throw invalid("schemaVersion is required");
        }
        if (!schemaVersion.isIntegralNumber() || !schemaVersion.canConvertToInt()) {
            throw invalid("schemaVersion must be an integer");
        }
        if (!SchemaVersions.supported(schemaVersion.intValue())) {
            throw new UnreadableEventException(SchemaVersions.notSupported(schemaVersion.intValue()));
        }
        return tree;
    }

    private static <T> T convert(JsonNode tree, Class<T> type) throws UnreadableEventException {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw invalid(path(e) + " is not of the expected type", e);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw invalid("not readable as " + type.getSimpleName(), e);
        }
    }

    /** measures.basicActual, tables.expenditure[2].total, … */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "a field" : path.toString();
    }

    private static UnreadableEventException invalid(String reason) {
        return new UnreadableEventException("invalid: " + reason);
    }

    private static UnreadableEventException invalid(String reason, Throwable cause) {
        return new UnreadableEventException("invalid: " + reason, cause);
    }
}
