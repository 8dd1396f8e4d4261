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
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("exact-choices")
                .setDeserializerModifier(new ExactChoices()));
    }

    /**
     * A choice is spelled exactly: Jackson would read {@code "元 "} as 元 (it strips the spaces and tries again),
     * which is a silent reinterpretation like reading 1 as the first choice (issue #13). Likewise a date or time
     * is a text: Jackson would read {@code 20250526} as that many days after 1970, and a date-time where a date is
     * expected as its date.
     */
    static final class ExactChoices extends com.fasterxml.jackson.databind.deser.BeanDeserializerModifier {
        @Override
        public com.fasterxml.jackson.databind.JsonDeserializer<?> modifyEnumDeserializer(
                com.fasterxml.jackson.databind.DeserializationConfig config, com.fasterxml.jackson.databind.JavaType type,
                com.fasterxml.jackson.databind.BeanDescription beanDesc, com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer) {
            return new Exact(deserializer, type.getRawClass());
        }

        @Override
        public com.fasterxml.jackson.databind.JsonDeserializer<?> modifyDeserializer(
                com.fasterxml.jackson.databind.DeserializationConfig config, com.fasterxml.jackson.databind.BeanDescription beanDesc,
                com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer) {
            Class<?> raw = beanDesc.getBeanClass();
            return java.time.temporal.Temporal.class.isAssignableFrom(raw) ? new Exact(deserializer, raw) : deserializer;
        }
    }

    /** A date is written 2025-05-26: not a number of days (20250526), not a date-time, not an array. */
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    static final class Exact extends com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer {
        private final Class<?> type;

        Exact(com.fasterxml.jackson.databind.JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate);
            this.type = type;
        }

        @Override
        protected com.fasterxml.jackson.databind.JsonDeserializer<?> newDelegatingInstance(
                com.fasterxml.jackson.databind.JsonDeserializer<?> newDelegatee) {
            return new Exact(newDelegatee, type);
        }

        @Override
        public Object deserialize(JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt) throws java.io.IOException {
            com.fasterxml.jackson.core.JsonToken token = p.currentToken();
            boolean time = java.time.temporal.Temporal.class.isAssignableFrom(type);
            if (token == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                String text = p.getText();
                if (!text.isEmpty() && !text.equals(text.strip())) {
                    throw ctxt.weirdStringException(text, type, "not as written");
                }
                if (type == java.time.LocalDate.class && !text.isEmpty() && !DATE.matcher(text).matches()) {
                    throw ctxt.weirdStringException(text, type, "not a date as written");
                }
            } else if (time && token != com.fasterxml.jackson.core.JsonToken.VALUE_NULL) {
                return ctxt.handleUnexpectedToken(type, p);
            }
            return super.deserialize(p, ctxt);
        }
    }
}
