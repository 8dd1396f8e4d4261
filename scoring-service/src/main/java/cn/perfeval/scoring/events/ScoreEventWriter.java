package cn.perfeval.scoring.events;

import cn.perfeval.scoring.config.ScoringConfig;
import cn.perfeval.scoring.domain.BudgetSnapshot;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.domain.ScoreResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Writes the score event of a recomputation into the outbox, inside the caller's transaction. */
@ApplicationScoped
public class ScoreEventWriter {

    private final ObjectMapper mapper;
    private final ScoringConfig config;
    private final Event<OutboxWritten> written;

    public ScoreEventWriter(ObjectMapper mapper, ScoringConfig config, Event<OutboxWritten> written) {
        this.mapper = mapper;
        this.config = config;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void scored(BudgetSnapshot snapshot, ScoreRecord record, ScoreResult result, boolean assigned) {
        ScoreEvent event = new ScoreEvent(UUID.randomUUID().toString(), ScoreEvent.TYPE, ScoreEvent.SCHEMA_VERSION,
                record.unitCode, record.fiscalYear, snapshot.unitName, snapshot.county, record.seq,
                record.budgetVersion, record.computedAt,
                new ScoreEvent.System(result.systemCode(), result.systemVersion(), result.systemName()),
                result.total(), result.maxTotal(), result.grade(), result.complete(), result.groups(), result.indicators(),
                result.inconsistencies() == null ? java.util.List.of() : result.inconsistencies(), assigned);
        OutboxEvent row = new OutboxEvent();
        row.topic = config.scoreEvents().topic();
        row.recordKey = ScoreEvent.key(record.unitCode, record.fiscalYear);
        row.eventType = ScoreEvent.TYPE;
        row.createdAt = record.computedAt;
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable", e);
        }
        row.persist();
        written.fire(new OutboxWritten());
    }
}
