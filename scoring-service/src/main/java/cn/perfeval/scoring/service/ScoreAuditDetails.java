package cn.perfeval.scoring.service;

import cn.perfeval.platform.audit.AuditDetails;
import cn.perfeval.platform.audit.AuditEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The audit row of a recomputation driven by a budget event keeps the score row it produced (and the
 * one before) by system and sequence number only ({@link BudgetEventApplier.ScoreRef}); the figures are
 * in the score row. When the trail is read, each such reference is answered with the figures of its
 * row, as the row used to repeat them ({@link ScoringService.ScoreSummary}): one query per page. Rows
 * written before, which repeat the figures, are answered as stored.
 */
@ApplicationScoped
public class ScoreAuditDetails implements AuditDetails {

    private final EntityManager em;
    private final ObjectMapper mapper;

    public ScoreAuditDetails(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    private record Ref(String unitCode, int year, String systemCode, long seq) {
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> complete(List<AuditEntry> entries) {
        Set<Ref> refs = new LinkedHashSet<>();
        for (AuditEntry e : entries) {
            if (AuditActions.SCORE_RECOMPUTED.equals(e.action())) {
                ref(e, e.before()).ifPresent(refs::add);
                ref(e, e.after()).ifPresent(refs::add);
            }
        }
        if (refs.isEmpty()) {
            return entries;
        }
        Map<Ref, ScoringService.ScoreSummary> rows = new HashMap<>();
        List<String> units = refs.stream().map(Ref::unitCode).distinct().toList();
        em.createQuery("select s.unitCode, s.fiscalYear, s.systemCode, s.seq, s.systemVersion, s.budgetVersion, s.total, "
                        + "s.maxTotal, s.grade, s.complete from ScoreRecord s where s.unitCode in (?1) and s.seq in (?2)",
                        Object[].class)
                .setParameter(1, units).setParameter(2, refs.stream().map(Ref::seq).distinct().toList())
                .getResultList()
                .forEach(r -> rows.put(new Ref((String) r[0], (Integer) r[1], (String) r[2], (Long) r[3]),
                        new ScoringService.ScoreSummary((String) r[2], (Integer) r[4], (Long) r[3], (Long) r[5],
                                (java.math.BigDecimal) r[6], (java.math.BigDecimal) r[7], (String) r[8], (Boolean) r[9])));
        List<AuditEntry> out = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            if (!AuditActions.SCORE_RECOMPUTED.equals(e.action())) {
                out.add(e);
                continue;
            }
            out.add(new AuditEntry(e.id(), e.at(), e.actor(), e.roles(), e.action(), e.unitCode(), e.year(), e.target(),
                    expand(e, e.before(), rows), expand(e, e.after(), rows)));
        }
        return out;
    }

    /** A reference: an object of exactly systemCode and version, of an entry naming its unit-year. */
    private static java.util.Optional<Ref> ref(AuditEntry e, JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 2 || !node.path("systemCode").isTextual()
                || !node.path("version").canConvertToLong() || e.unitCode() == null || e.year() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Ref(e.unitCode(), e.year(), node.get("systemCode").asText(),
                node.get("version").asLong()));
    }

    private JsonNode expand(AuditEntry e, JsonNode node, Map<Ref, ScoringService.ScoreSummary> rows) {
        return ref(e, node).map(rows::get).<JsonNode>map(mapper::valueToTree).orElse(node);
    }
}
