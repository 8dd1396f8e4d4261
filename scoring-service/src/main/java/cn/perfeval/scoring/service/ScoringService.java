package cn.perfeval.scoring.service;

import cn.perfeval.scoring.domain.BudgetSnapshot;
import cn.perfeval.scoring.domain.IndicatorSystem;
import cn.perfeval.scoring.domain.RejectedEvent;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.domain.ScoreResult;
import cn.perfeval.scoring.domain.Scorer;
import cn.perfeval.scoring.events.BudgetEventPayload;
import cn.perfeval.scoring.events.ScoreEventWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/** Keeps each unit-year's budget snapshot and recomputes its score when it changes. */
@ApplicationScoped
public class ScoringService {

    private static final Logger LOG = Logger.getLogger(ScoringService.class);
    private static final TypeReference<Map<String, BigDecimal>> MEASURES = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final SystemCatalog systems;
    private final ScoreEventWriter events;

    public ScoringService(EntityManager em, ObjectMapper mapper, SystemCatalog systems, ScoreEventWriter events) {
        this.em = em;
        this.mapper = mapper;
        this.systems = systems;
        this.events = events;
    }

    /**
     * Applies a budget event. Idempotent: an event whose version is not newer than the stored
     * snapshot (a redelivery, a duplicate or an older event) changes nothing.
     *
     * @return whether the unit-year was rescored
     */
    @Transactional
    public boolean onBudgetEvent(BudgetEventPayload event) {
        var key = new BudgetSnapshot.Key(event.unitCode(), event.fiscalYear());
        em.createNativeQuery("INSERT INTO budget_snapshot (unit_code, fiscal_year, version, unit_name, county, measures) "
                        + "VALUES (?1, ?2, 0, '', '', '{}') ON CONFLICT DO NOTHING")
                .setParameter(1, key.unitCode()).setParameter(2, key.fiscalYear()).executeUpdate();
        BudgetSnapshot snapshot = em.find(BudgetSnapshot.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (event.version() <= snapshot.version) {
            LOG.debugf("budget event %s:%d v%d already applied (stored v%d)", key.unitCode(), key.fiscalYear(),
                    event.version(), snapshot.version);
            return false;
        }
        snapshot.version = event.version();
        snapshot.unitName = event.unit().name();
        snapshot.county = event.unit().county();
        snapshot.measures = write(event.measures());
        snapshot.receivedAt = OffsetDateTime.now();
        rescore(snapshot);
        return true;
    }

    private void rescore(BudgetSnapshot snapshot) {
        IndicatorSystem system = systems.systemFor(snapshot.county, snapshot.key.fiscalYear());
        ScoreResult result = Scorer.score(system, read(snapshot.measures));
        Long last = em.createQuery("select max(s.seq) from ScoreRecord s where s.unitCode = ?1 and s.fiscalYear = ?2 "
                        + "and s.systemCode = ?3", Long.class)
                .setParameter(1, snapshot.key.unitCode()).setParameter(2, snapshot.key.fiscalYear())
                .setParameter(3, system.code()).getSingleResult();
        ScoreRecord record = new ScoreRecord();
        record.unitCode = snapshot.key.unitCode();
        record.fiscalYear = snapshot.key.fiscalYear();
        record.systemCode = system.code();
        record.systemVersion = system.version();
        record.budgetVersion = snapshot.version;
        record.seq = last == null ? 1 : last + 1;
        record.total = result.total();
        record.maxTotal = result.maxTotal();
        record.grade = result.grade();
        record.complete = result.complete();
        record.result = write(result);
        record.computedAt = OffsetDateTime.now();
        record.persist();
        events.scored(snapshot, record, result);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void reject(String topic, int partition, long offset, String key, String reason, String payload) {
        RejectedEvent r = new RejectedEvent();
        r.topic = topic;
        r.partition = partition;
        r.offset = offset;
        r.key = key;
        r.reason = reason;
        r.payload = payload;
        r.rejectedAt = OffsetDateTime.now();
        r.persist();
    }

    public ScoreResult parse(ScoreRecord record) {
        try {
            return mapper.readValue(record.result, ScoreResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score result unreadable", e);
        }
    }

    private Map<String, BigDecimal> read(String json) {
        try {
            return mapper.readValue(json, MEASURES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored measures unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable", e);
        }
    }
}
