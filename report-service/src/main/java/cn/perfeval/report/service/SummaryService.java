package cn.perfeval.report.service;

import cn.perfeval.report.domain.CountySummary;
import cn.perfeval.report.domain.CountySummary.Row;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Ranks every unit of a county in a year from the read model alone. */
@ApplicationScoped
public class SummaryService {

    private final ReadModel readModel;
    private final ObjectMapper mapper;

    public SummaryService(ReadModel readModel, ObjectMapper mapper) {
        this.readModel = readModel;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CountySummary> summary(String county, int year, String systemCode) {
        List<String> budgets = readModel.budgetsOfCounty(county, year);
        if (budgets.isEmpty()) {
            return Optional.empty();
        }
        List<JsonNode[]> units = new ArrayList<>();
        Map<String, String> groupNames = new LinkedHashMap<>();
        for (String b : budgets) {
            JsonNode budget = tree(b);
            JsonNode score = readModel.score(budget.path("unitCode").asText(), year, systemCode).map(this::tree).orElse(null);
            units.add(new JsonNode[]{budget, score});
            if (score != null) {
                for (JsonNode g : score.path("groups")) {
                    if (!g.hasNonNull("parent")) {
                        groupNames.putIfAbsent(g.path("name").asText(), g.path("name").asText());
                    }
                }
            }
        }
        List<String> groups = List.copyOf(groupNames.keySet());
        List<Row> rows = new ArrayList<>();
        for (JsonNode[] u : units) {
            rows.add(row(u[0], u[1], groups));
        }
        rows.sort(Comparator.comparing((Row r) -> r.total() == null)
                .thenComparing(r -> r.total() == null ? BigDecimal.ZERO : r.total(), Comparator.reverseOrder())
                .thenComparing(Row::unitCode));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Integer rank = null;
            if (r.total() != null) {
                rank = i > 0 && ranked.get(i - 1).total() != null && ranked.get(i - 1).total().compareTo(r.total()) == 0
                        ? ranked.get(i - 1).rank() : i + 1;
            }
            ranked.add(new Row(rank, r.unitCode(), r.unitName(), r.total(), r.maxTotal(), r.grade(), r.complete(),
                    r.groupPoints(), r.budgetVersion(), r.scoreVersion(), r.systemCode(), r.scoreLabel()));
        }
        Map<String, Integer> grades = new LinkedHashMap<>();
        ranked.stream().filter(r -> r.grade() != null).forEach(r -> grades.merge(r.grade(), 1, Integer::sum));
        StringBuilder prov = new StringBuilder("共").append(ranked.size()).append("个单位，已评分")
                .append(ranked.stream().filter(r -> r.total() != null).count()).append("个");
        grades.forEach((g, n) -> prov.append("；").append(g).append(n).append("个"));
        long projected = ranked.stream().filter(r -> r.scoreLabel() != null).count();
        if (projected > 0) {
            prov.append("；其中").append(projected).append("个单位为预计得分（评分所依据的预算数据不是年终数据，等次后注明“预计”及截至的月份）");
        }
        prov.append("。各单位所依据的预算数据与评分版本见表末两列。");
        return Optional.of(new CountySummary(county, year, groups, ranked, prov.toString()));
    }

    private static Row row(JsonNode budget, JsonNode score, List<String> groups) {
        String unitCode = budget.path("unitCode").asText();
        String name = budget.path("unit").path("name").asText();
        long budgetVersion = budget.path("version").asLong();
        if (score == null) {
            return new Row(null, unitCode, name, null, null, null, null, List.of(), budgetVersion, null, null);
        }
        List<BigDecimal> points = new ArrayList<>();
        for (String g : groups) {
            BigDecimal p = null;
            for (JsonNode n : score.path("groups")) {
                if (!n.hasNonNull("parent") && g.equals(n.path("name").asText()) && n.path("points").isNumber()) {
                    p = n.path("points").decimalValue();
                }
            }
            points.add(p);
        }
        return new Row(null, unitCode, name, score.path("total").decimalValue(),
                score.path("maxTotal").isNumber() ? score.path("maxTotal").decimalValue() : null,
                score.path("grade").asText(null), score.path("complete").asBoolean(), points, budgetVersion,
                score.path("version").asLong(), score.path("system").path("code").asText(),
                score.path("basis").path("projected").asBoolean(false) ? MonitoringCalculator.scoreLabel(true,
                        score.path("basis").path("asOfMonth").isInt() ? score.path("basis").path("asOfMonth").asInt() : null) : null);
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event unreadable", e);
        }
    }
}
