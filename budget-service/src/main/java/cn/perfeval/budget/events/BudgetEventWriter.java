package cn.perfeval.budget.events;

import cn.perfeval.budget.config.BudgetConfig;
import cn.perfeval.budget.domain.Execution;
import cn.perfeval.budget.domain.Finding;
import cn.perfeval.budget.domain.MeasureCalculator;
import cn.perfeval.budget.domain.Staff;
import cn.perfeval.budget.domain.SummaryItem;
import cn.perfeval.budget.domain.Unit;
import cn.perfeval.budget.domain.UnitYear;
import cn.perfeval.platform.outbox.OutboxWriter;
import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.BudgetUnitYearChanged.Adjustment;
import cn.perfeval.events.BudgetUnitYearChanged.BudgetSummary;
import cn.perfeval.events.BudgetUnitYearChanged.ExpenditureRow;
import cn.perfeval.events.BudgetUnitYearChanged.FunctionActual;
import cn.perfeval.events.BudgetUnitYearChanged.RevenueRow;
import cn.perfeval.events.BudgetUnitYearChanged.SummaryExpenditureItem;
import cn.perfeval.events.BudgetUnitYearChanged.SummaryRevenueItem;
import cn.perfeval.events.BudgetUnitYearChanged.ThreePublicItem;
import cn.perfeval.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the event of a unit-year change into the outbox, inside the caller's transaction. The
 * event ({@link BudgetUnitYearChanged} of libs/events) is mapped here from the domain, field by
 * field, never from the REST bodies: a change of the API does not change the Kafka payload.
 */
@ApplicationScoped
public class BudgetEventWriter {

    private final OutboxWriter outbox;
    private final BudgetConfig config;

    public BudgetEventWriter(OutboxWriter outbox, BudgetConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void unitYearChanged(UnitYear unitYear) {
        BudgetUnitYearChanged event = build(unitYear);
        outbox.write(config.events().topic(), event.key(), BudgetUnitYearChanged.TYPE, event.occurredAt(), event);
    }

    /** The events of several unit-years changed in the caller's transaction, written as one batch in this order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unitYearsChanged(List<UnitYear> unitYears) {
        List<OutboxWriter.Pending> pending = new ArrayList<>(unitYears.size());
        for (UnitYear uy : unitYears) {
            BudgetUnitYearChanged event = build(uy);
            pending.add(new OutboxWriter.Pending(config.events().topic(), event.key(), BudgetUnitYearChanged.TYPE,
                    event.occurredAt(), event));
        }
        outbox.writeAll(pending);
    }

    static BudgetUnitYearChanged build(UnitYear uy) {
        Unit u = uy.unit;
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        MeasureCalculator.compute(uy).forEach((k, v) -> measures.put(k.name(), v));
        Execution e = uy.execution;
        Staff s = uy.staff;
        // adjustmentIncrease / adjustmentDecrease carry what the measures use: the list's sums when recorded
        return new BudgetUnitYearChanged(
                UUID.randomUUID().toString(),
                BudgetUnitYearChanged.TYPE,
                BudgetUnitYearChanged.SCHEMA_VERSION,
                u.code,
                uy.fiscalYear,
                uy.version,
                OffsetDateTime.now(),
                new BudgetUnitYearChanged.Unit(u.code, u.name, u.county, u.province, u.kind, u.rank, u.address,
                        List.copyOf(u.offices)),
                BudgetUnitYearChanged.AMOUNT_UNIT,
                measures,
                new BudgetUnitYearChanged.Staff(s.authorizedPosts, s.actual, s.inService, s.administrative,
                        s.publicInstitution, s.nonCivilServiceInstitution, s.retired, s.survivorSubsidy),
                new BudgetUnitYearChanged.Tables(
                        uy.expenditureRows.stream()
                                .map(r -> new ExpenditureRow(r.code, r.name, r.total, r.basic, r.project))
                                .toList(),
                        uy.summaryRecorded ? summary(uy) : null,
                        uy.revenueRows.stream().map(r -> new RevenueRow(r.code, r.name, r.total, r.generalBudget,
                                r.generalBudgetFunding, r.generalBudgetNonTax, r.governmentFund,
                                r.specialAccountNonTax, r.superiorSubsidy, r.other)).toList()),
                new BudgetUnitYearChanged.Execution(MeasureCalculator.adjustmentIncrease(uy),
                        MeasureCalculator.adjustmentDecrease(uy), e.basicActual,
                        e.projectActual, e.yearEndBalance, e.threePublicBudget, e.threePublicActual,
                        e.threePublicBudgetLastYear, e.threePublicActualLastYear,
                        e.carryOver, e.carryOverBalance, e.carryOverBalanceLastYear,
                        e.procurementBudget, e.procurementActual, e.publicRunningBudget, e.publicRunningActual,
                        e.fixedAssetsInUse, e.fixedAssetsTotal, e.keyProjectSpending,
                        e.paymentProgressActual, e.paymentProgressPlanned, e.keyTasksAssigned, e.keyTasksCompleted,
                        uy.adjustments.stream().map(a -> new Adjustment(a.kind, a.date, a.reason, a.code, a.amount))
                                .toList(),
                        uy.executionRows.stream()
                                .map(r -> new FunctionActual(r.code, r.name, r.basicActual, r.projectActual)).toList(),
                        uy.threePublicItems.stream().map(i -> new ThreePublicItem(i.item, i.budget, i.actual,
                                i.budgetLastYear, i.actualLastYear)).toList()),
                uy.findings.stream().map(f -> finding(f.toFinding())).toList(),
                new BudgetUnitYearChanged.Period(MeasureCalculator.isYearEnd(uy), MeasureCalculator.asOfMonth(uy)),
                uy.targetsRecorded ? targets(uy) : null,
                uy.monthsInOrder().stream().map(m -> new BudgetUnitYearChanged.MonthExecution(m.month,
                        m.basicActual, m.projectActual, m.byFunction.isEmpty() ? null : m.byFunction.stream()
                        .map(r -> new FunctionActual(r.code, r.name, r.basicActual, r.projectActual)).toList()))
                        .toList());
    }

    /** 绩效目标表: the overall goal and each target with its progress in month order (who recorded it, when). */
    private static BudgetUnitYearChanged.Targets targets(UnitYear uy) {
        return new BudgetUnitYearChanged.Targets(uy.overallGoal, uy.targets.stream()
                .map(t -> new BudgetUnitYearChanged.Target(t.code, t.level1, t.level2, t.name, t.unitOfMeasure,
                        t.targetValue, t.targetText, t.direction, t.weight, uy.progressOf(t.code).stream()
                        .map(p -> new BudgetUnitYearChanged.TargetProgress(p.month, p.actualValue, p.actualText,
                                p.achievement, p.achievementPercent, p.deviationReason, p.by, p.at))
                        .toList()))
                .toList());
    }

    /** 收支总表: revenue sources with their sub-items (one level), expenditure by 类, totals. */
    private static BudgetSummary summary(UnitYear uy) {
        List<SummaryItem> rev = uy.summaryItems(SummaryItem.REVENUE);
        List<SummaryRevenueItem> revenue = new ArrayList<>();
        for (SummaryItem i : rev) {
            if (i.parentSeq == null) {
                List<SummaryRevenueItem> children = rev.stream().filter(c -> c.parentSeq != null && c.parentSeq == i.seq)
                        .map(c -> new SummaryRevenueItem(c.item, c.amount, null)).toList();
                revenue.add(new SummaryRevenueItem(i.item, i.amount, children.isEmpty() ? null : children));
            }
        }
        List<SummaryExpenditureItem> expenditure = uy.summaryItems(SummaryItem.EXPENDITURE).stream()
                .map(i -> new SummaryExpenditureItem(i.code, i.item, i.amount)).toList();
        return new BudgetSummary(BudgetUnitYearChanged.AMOUNT_UNIT, revenue, uy.summaryRevenueTotal, expenditure,
                uy.summaryCarryForward, uy.summaryExpenditureTotal);
    }

    private static BudgetUnitYearChanged.Finding finding(Finding f) {
        return new BudgetUnitYearChanged.Finding(f.ruleId(), f.severity().name(), f.table(), f.code(), f.column(),
                f.expected(), f.actual(), f.message());
    }
}
