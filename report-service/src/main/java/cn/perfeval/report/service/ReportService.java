package cn.perfeval.report.service;

import cn.perfeval.report.domain.ReportDocument;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** Produces a unit-year's report from the read model; never calls the other services. */
@ApplicationScoped
public class ReportService {

    private final ReadModel readModel;
    private final NarrativeService narratives;
    private final ObjectMapper mapper;

    public ReportService(ReadModel readModel, NarrativeService narratives, ObjectMapper mapper) {
        this.readModel = readModel;
        this.narratives = narratives;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReportDocument> report(String unitCode, int year, String systemCode) {
        Optional<String> budget = readModel.budget(unitCode, year);
        if (budget.isEmpty()) {
            return Optional.empty();
        }
        JsonNode score = readModel.score(unitCode, year, systemCode).map(this::tree).orElse(null);
        return Optional.of(ReportAssembler.assemble(tree(budget.get()), score, narratives.current(unitCode, year)));
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event unreadable", e);
        }
    }
}
