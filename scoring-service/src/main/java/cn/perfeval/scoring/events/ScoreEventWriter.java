package cn.perfeval.scoring.events;

import cn.perfeval.events.UnitYearScored;
import cn.perfeval.scoring.config.ScoringConfig;
import cn.perfeval.scoring.domain.BudgetSnapshot;
import cn.perfeval.scoring.domain.Judgement;
import cn.perfeval.scoring.domain.ReviewScore;
import cn.perfeval.scoring.domain.ScoreBasis;
import cn.perfeval.scoring.domain.ScoreRecord;
import cn.perfeval.scoring.domain.ScoreResult;
import cn.perfeval.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Writes the score event of a recomputation into the outbox, inside the caller's transaction. The
 * event ({@link UnitYearScored} of libs/events) is mapped here from the result, field by field.
 */
@ApplicationScoped
public class ScoreEventWriter {

    private final OutboxWriter outbox;
    private final ScoringConfig config;

    public ScoreEventWriter(OutboxWriter outbox, ScoringConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void scored(BudgetSnapshot snapshot, ScoreRecord record, ScoreResult result, ScoreBasis basis,
                       boolean assigned, ReviewScore review) {
        UnitYearScored event = event(UUID.randomUUID().toString(), snapshot.unitName, snapshot.county, record, result,
                basis, assigned, review);
        outbox.write(config.scoreEvents().topic(), event.key(), UnitYearScored.TYPE, record.computedAt, event);
    }

    /** The outbox row of a recomputation's score event, for {@link #writeAll}. */
    public OutboxWriter.Pending pending(BudgetSnapshot snapshot, ScoreRecord record, ScoreResult result, ScoreBasis basis,
                                        boolean assigned, ReviewScore review) {
        UnitYearScored event = event(UUID.randomUUID().toString(), snapshot.unitName, snapshot.county, record, result,
                basis, assigned, review);
        return new OutboxWriter.Pending(config.scoreEvents().topic(), event.key(), UnitYearScored.TYPE, record.computedAt,
                event);
    }

    /** Writes the score events of several recomputations into the outbox as one batch, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeAll(List<OutboxWriter.Pending> events) {
        outbox.writeAll(events);
    }

    static UnitYearScored event(String eventId, String unitName, String county, ScoreRecord record, ScoreResult result,
                                ScoreBasis basis, boolean assigned, ReviewScore review) {
        return new UnitYearScored(eventId, UnitYearScored.TYPE, UnitYearScored.SCHEMA_VERSION,
                record.unitCode, record.fiscalYear, unitName, county, record.seq, record.budgetVersion,
                record.computedAt,
                new UnitYearScored.System(result.systemCode(), result.systemVersion(), result.systemName()),
                result.total(), result.maxTotal(), result.grade(), result.complete(),
                result.groups().stream().map(g -> new UnitYearScored.Group(g.code(), g.name(), g.parent(),
                        g.maxPoints(), g.points())).toList(),
                result.indicators().stream().map(ScoreEventWriter::indicator).toList(),
                result.inconsistencies() == null ? List.of() : result.inconsistencies().stream()
                        .map(i -> new UnitYearScored.Inconsistency(i.kind(), i.indicator(), i.published(),
                                i.computed(), i.message())).toList(),
                assigned,
                basis.toEvent(),
                review(review));
    }

    /** The review part of the event; null (left out of the JSON) while no review judgement exists. */
    static UnitYearScored.Review review(ReviewScore review) {
        return review == null ? null : new UnitYearScored.Review(review.total(), review.grade(), review.deviation(),
                review.indicators().stream().map(i -> new UnitYearScored.ReviewedIndicator(i.code(), i.name(),
                        i.maxPoints(), i.selfPoints(), i.reviewPoints(), i.deviation(), i.reason(), i.evidence(), i.by(),
                        i.at())).toList());
    }

    private static UnitYearScored.Indicator indicator(ScoreResult.IndicatorResult i) {
        Judgement j = i.judgement();
        return new UnitYearScored.Indicator(i.code(), i.name(), i.group(), i.maxPoints(), i.points(),
                i.status() == null ? null : i.status().name(), i.formula(), i.measures(), i.exactValue(),
                i.displayValue(), i.unit(), i.rule(), i.explanation(),
                j == null ? null : new UnitYearScored.Judgement(j.points(), j.deduction(), j.reason(), j.evidence(),
                        j.by(), j.at()),
                i.targets() == null ? null : i.targets().stream().map(t -> new UnitYearScored.TargetScore(t.code(),
                        t.name(), t.level2(), t.direction(), t.unitOfMeasure(), t.targetValue(), t.targetText(),
                        t.actualValue(), t.actualText(), t.achievement(), t.maxPoints(), t.points(),
                        t.status() == null ? null : t.status().name(), t.rule(), t.explanation())).toList());
    }
}
