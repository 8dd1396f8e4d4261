package cn.perfeval.scoring.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The measure names a formula may use: those budget-service publishes ({@code measures.json}). */
@ApplicationScoped
public class MeasureDictionary {

    public record Measure(String name, String label, String unit) {
    }

    record Document(String _about, List<Measure> measures) {
    }

    private final List<Measure> measures;
    private final Set<String> names = new LinkedHashSet<>();

    public MeasureDictionary(ObjectMapper mapper) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("measures.json")) {
            if (in == null) {
                throw new IllegalStateException("missing measures.json");
            }
            measures = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, Document.class).measures();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read measures.json", e);
        }
        measures.forEach(m -> names.add(m.name()));
    }

    public List<Measure> all() {
        return measures;
    }

    public Set<String> names() {
        return names;
    }
}
