package cn.perfeval.budget.events;

import cn.perfeval.budget.api.UnitYearDtos.AdjustmentDto;
import cn.perfeval.budget.api.UnitYearDtos.BudgetSummary;
import cn.perfeval.budget.api.UnitYearDtos.ExecutionRowDto;
import cn.perfeval.budget.api.UnitYearDtos.FindingDto;
import cn.perfeval.budget.api.UnitYearDtos.RevenueRowDto;
import cn.perfeval.budget.api.UnitYearDtos.StaffDto;
import cn.perfeval.budget.api.UnitYearDtos.ThreePublicItemDto;
import cn.perfeval.budget.config.BudgetConfig;
import cn.perfeval.budget.domain.Execution;
import cn.perfeval.budget.domain.MeasureCalculator;
import cn.perfeval.budget.domain.Unit;
import cn.perfeval.budget.domain.UnitYear;
import cn.perfeval.platform.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes the event of a unit-year change into the outbox, inside the caller's transaction. */
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
        BudgetEvent event = build(unitYear);
        outbox.write(config.events().topic(), BudgetEvent.key(event.unitCode(), event.fiscalYear()), BudgetEvent.TYPE,
                event.occurredAt(), event);
    }

    static BudgetEvent build(UnitYear uy) {
        Unit u = uy.unit;
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        MeasureCalculator.compute(uy).forEach((k, v) -> measures.put(k.name(), v));
        Execution e = uy.execution;
        // adjustmentIncrease / adjustmentDecrease carry what the measures use: the list's sums when recorded
        return new BudgetEvent(
                UUID.randomUUID().toString(),
                BudgetEvent.TYPE,
                BudgetEvent.SCHEMA_VERSION,
                u.code,
                uy.fiscalYear,
                uy.version,
                OffsetDateTime.now(),
                new BudgetEvent.UnitInfo(u.code, u.name, u.county, u.province, u.kind, u.rank, u.address,
                        List.copyOf(u.offices)),
                "万元",
                measures,
                StaffDto.of(uy.staff),
                new BudgetEvent.Tables(
                        uy.expenditureRows.stream()
                                .map(r -> new BudgetEvent.ExpenditureRow(r.code, r.name, r.total, r.basic, r.project))
                                .toList(),
                        uy.summaryRecorded ? BudgetSummary.of(uy) : null,
                        uy.revenueRows.stream().map(RevenueRowDto::of).toList()),
                new BudgetEvent.ExecutionInfo(MeasureCalculator.adjustmentIncrease(uy),
                        MeasureCalculator.adjustmentDecrease(uy), e.basicActual,
                        e.projectActual, e.yearEndBalance, e.threePublicBudget, e.threePublicActual,
                        e.threePublicBudgetLastYear, e.threePublicActualLastYear,
                        e.carryOver, e.carryOverBalance, e.carryOverBalanceLastYear,
                        e.procurementBudget, e.procurementActual, e.publicRunningBudget, e.publicRunningActual,
                        e.fixedAssetsInUse, e.fixedAssetsTotal, e.keyProjectSpending,
                        e.paymentProgressActual, e.paymentProgressPlanned, e.keyTasksAssigned, e.keyTasksCompleted,
                        uy.adjustments.stream().map(AdjustmentDto::of).toList(),
                        uy.executionRows.stream().map(ExecutionRowDto::of).toList(),
                        uy.threePublicItems.stream().map(ThreePublicItemDto::of).toList()),
                uy.findings.stream().map(f -> FindingDto.of(f.toFinding())).toList());
    }
}
