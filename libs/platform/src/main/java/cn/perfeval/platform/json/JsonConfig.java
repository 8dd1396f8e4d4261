package cn.perfeval.platform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Amounts are written as plain decimals (4988.65, never 4.98865E+3); unknown fields and fractional
 * counts are refused.
 *
 * <p>Hostile bodies are refused before they cost anything: nesting deeper than
 * {@link #MAX_NESTING_DEPTH} (a narrative is two levels deep; events a handful), duplicate keys
 * (which one would win is a matter of parser, so an editor and a reviewer could see different
 * texts), anything after the JSON value, and numbers or booleans where a text is expected.
 *
 * <p>Nothing is silently reinterpreted (issue #13): a text where a number or a yes/no is expected
 * ({@code "total": "100"}) and a number where a choice is expected ({@code "amountUnit": 1}, which would
 * otherwise be read as the choice's position) are refused, and so is a decimal no figure of a budget can
 * have ({@link BoundedDecimals}: {@code 1e400}, {@code 1e-10000}).
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    public static final int MAX_NESTING_DEPTH = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // a count of 136.5 people is an error, not 136
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        // "100" is not the number 100, "true" not yes, 1 not the first choice of a list
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.registerModule(BoundedDecimals.module());
    }
}
