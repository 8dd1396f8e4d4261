package cn.perfeval.scoring.events;

import cn.perfeval.scoring.config.ScoringConfig;
import cn.perfeval.scoring.domain.BudgetSnapshot;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.domain.ScoreResult;
import cn.perfeval.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Writes the score event of a recomputation into the outbox, inside the caller's transaction. */
@ApplicationScoped
public class ScoreEventWriter {

    private final OutboxWriter outbox;
    private final ScoringConfig config;

    public ScoreEventWriter(OutboxWriter outbox, ScoringConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void scored(BudgetSnapshot snapshot, ScoreRecord record, ScoreResult result, boolean assigned) {
        ScoreEvent event = new ScoreEvent(UUID.randomUUID().toString(), ScoreEvent.TYPE, ScoreEvent.SCHEMA_VERSION,
                record.unitCode, record.fiscalYear, snapshot.unitName, snapshot.county, record.seq,
                record.budgetVersion, record.computedAt,
                new ScoreEvent.System(result.systemCode(), result.systemVersion(), result.systemName()),
                result.total(), result.maxTotal(), result.grade(), result.complete(), result.groups(), result.indicators(),
                result.inconsistencies() == null ? java.util.List.of() : result.inconsistencies(), assigned);
        outbox.write(config.scoreEvents().topic(), ScoreEvent.key(record.unitCode, record.fiscalYear), ScoreEvent.TYPE,
                record.computedAt, event);
    }
}
