package cn.perfeval.budget.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Amounts are written as plain decimals (4988.65, never 4.98865E+3); unknown fields and fractional
 * counts are refused, and so are duplicate keys. No body of this service nests more than a few levels: a deeply nested one is
 * an attack on the parser's stack and is refused at {@value #MAX_NESTING_DEPTH} levels (400).
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    static final int MAX_NESTING_DEPTH = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
        // {"a":1,"a":2}: which one counts depends on the parser; refuse rather than guess
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // {"a":1} {"a":2}: one body is one document
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // a count of 136.5 people is an error, not 136
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
