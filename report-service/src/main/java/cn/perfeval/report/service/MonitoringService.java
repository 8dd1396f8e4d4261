package cn.perfeval.report.service;

import cn.perfeval.events.BudgetUnitYearChanged;
import cn.perfeval.events.EventCodec;
import cn.perfeval.events.UnitYearScored;
import cn.perfeval.events.UnreadableEventException;
import cn.perfeval.report.domain.CountyMonitoring;
import cn.perfeval.report.domain.MonitoringSettings;
import cn.perfeval.report.domain.NarrativeVersion;
import cn.perfeval.report.domain.ReportDocument;
import cn.perfeval.report.domain.UnitMonitoring;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The in-year monitoring of a unit-year and of a county-year, from the read model alone. */
@ApplicationScoped
public class MonitoringService {

    private final ReadModel readModel;
    private final MonitoringSettingsService settings;
    private final NarrativeService narratives;

    public MonitoringService(ReadModel readModel, MonitoringSettingsService settings, NarrativeService narratives) {
        this.readModel = readModel;
        this.settings = settings;
        this.narratives = narratives;
    }

    /** The unit-year at {@code month} (null: the latest month of its monthly execution, else December). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UnitMonitoring> unit(String unitCode, int year, Integer month) {
        Optional<String> payload = readModel.budget(unitCode, year);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        BudgetUnitYearChanged budget = budget(payload.get());
        int m = month != null ? month : MonitoringCalculator.defaultMonth(budget);
        MonitoringSettings.View view = settings.current(budget.unit().county(), year);
        return Optional.of(MonitoringCalculator.unit(budget, score(unitCode, year), view, m));
    }

    /** Every unit of the county-year at {@code month} (null: the latest month any unit has reported, else December). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CountyMonitoring> county(String county, int year, Integer month) {
        List<String> payloads = readModel.budgetsOfCounty(county, year);
        if (payloads.isEmpty()) {
            return Optional.empty();
        }
        List<BudgetUnitYearChanged> budgets = payloads.stream().map(MonitoringService::budget).toList();
        int m = month != null ? month : budgets.stream().map(MonitoringCalculator::latestMonth)
                .filter(java.util.Objects::nonNull).max(Integer::compare).orElse(12);
        MonitoringSettings.View view = settings.current(county, year);
        List<UnitMonitoring> units = new ArrayList<>();
        for (BudgetUnitYearChanged b : budgets) {
            units.add(MonitoringCalculator.unit(b, score(b.unitCode(), year), view, m));
        }
        return Optional.of(MonitoringCalculator.county(county, year, m, view, units));
    }

    /** The unit's monitoring report. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReportDocument> unitReport(String unitCode, int year, Integer month) {
        return unit(unitCode, year, month).map(u -> {
            NarrativeVersion n = narratives.current(unitCode, year);
            return MonitoringAssembler.unit(u, n);
        });
    }

    /** The county's monitoring report. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ReportDocument> countyReport(String county, int year, Integer month) {
        return county(county, year, month).map(MonitoringAssembler::county);
    }

    private UnitYearScored score(String unitCode, int year) {
        return readModel.score(unitCode, year, null).map(s -> {
            try {
                return EventCodec.readScoreEvent(s);
            } catch (UnreadableEventException e) {
                throw new IllegalStateException("stored score event unreadable", e);
            }
        }).orElse(null);
    }

    private static BudgetUnitYearChanged budget(String payload) {
        try {
            return EventCodec.readBudgetEvent(payload);
        } catch (UnreadableEventException e) {
            throw new IllegalStateException("stored budget event unreadable", e);
        }
    }
}
