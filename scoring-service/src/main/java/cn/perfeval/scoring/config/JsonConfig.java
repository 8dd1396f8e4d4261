package cn.perfeval.scoring.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Amounts are written as plain decimals (4988.65, never 4.98865E+3); unknown fields and fractional
 * counts are refused; JSON nested deeper than {@link #MAX_NESTING_DEPTH} is refused while it is
 * read (an indicator system is about five levels deep; thousands of nested arrays only serve to
 * exhaust the stack or the CPU of the parser).
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    public static final int MAX_NESTING_DEPTH = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // a count of 136.5 people is an error, not 136
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
