package cn.perfeval.scoring.service;

import cn.perfeval.scoring.config.ScoringConfig;
import cn.perfeval.scoring.domain.IndicatorSystem;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The indicator systems shipped with the service (JSON documents under {@code systems/}). */
@ApplicationScoped
public class SystemCatalog {

    static final List<String> SHIPPED = List.of("xiangtan-county");

    private final Map<String, IndicatorSystem> systems = new LinkedHashMap<>();
    private final ScoringConfig config;

    public SystemCatalog(ObjectMapper mapper, ScoringConfig config) {
        this.config = config;
        ObjectMapper reader = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (String code : SHIPPED) {
            String path = "systems/" + code + ".json";
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing shipped indicator system " + path);
                }
                IndicatorSystem s = reader.readValue(in, IndicatorSystem.class);
                systems.put(s.code(), s);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }

    public List<IndicatorSystem> all() {
        return List.copyOf(systems.values());
    }

    public Optional<IndicatorSystem> find(String code) {
        return Optional.ofNullable(systems.get(code));
    }

    /** The system a unit-year of a county is scored with. */
    public IndicatorSystem systemFor(String county, int fiscalYear) {
        return find(config.defaultSystem())
                .orElseThrow(() -> new IllegalStateException("default indicator system " + config.defaultSystem() + " not found"));
    }
}
