package cn.perfeval.budget.service;

import cn.perfeval.budget.api.AmountUnit;
import cn.perfeval.budget.api.TargetDtos.MonthlyExecutionView;
import cn.perfeval.budget.api.TargetDtos.TargetsView;
import cn.perfeval.budget.api.UnitDtos.UnitRequest;
import cn.perfeval.budget.api.UnitYearDtos.AdjustmentDto;
import cn.perfeval.budget.api.UnitYearDtos.AdjustmentList;
import cn.perfeval.budget.api.UnitYearDtos.BudgetSummary;
import cn.perfeval.budget.api.UnitYearDtos.ExecutionDto;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureRowDto;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureTable;
import cn.perfeval.budget.api.UnitYearDtos.RevenueRowDto;
import cn.perfeval.budget.api.UnitYearDtos.RevenueTable;
import cn.perfeval.budget.api.UnitYearDtos.StaffDto;
import cn.perfeval.budget.domain.Unit;
import cn.perfeval.budget.domain.UnitYear;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the audit trail records before and after a change: the part of the unit-year that was
 * replaced, in the shape of its API body (amounts in 万元), with the version. A unit-year that did
 * not exist before (version 0) has no "before".
 */
final class AuditSnapshots {

    private AuditSnapshots() {
    }

    static UnitRequest of(Unit u) {
        return new UnitRequest(u.name, u.county, u.province, u.kind, u.rank, u.address, List.copyOf(u.offices));
    }

    static Map<String, Object> of(UnitYear uy, String part) {
        return of(uy, List.of(part));
    }

    static Map<String, Object> of(UnitYear uy, List<String> parts) {
        if (uy.version == 0) {
            return null;
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("version", uy.version);
        for (String part : parts) {
            snapshot.put(part, part(uy, part));
        }
        return snapshot;
    }

    private static Object part(UnitYear uy, String part) {
        return switch (part) {
            case "staff" -> StaffDto.of(uy.staff);
            case "expenditure" -> new ExpenditureTable(AmountUnit.WAN_YUAN,
                    uy.expenditureRows.stream().map(ExpenditureRowDto::of).toList());
            case "revenue" -> new RevenueTable(AmountUnit.WAN_YUAN, uy.revenueRows.stream().map(RevenueRowDto::of).toList());
            case "budget-summary" -> uy.summaryRecorded ? BudgetSummary.of(uy) : null;
            case "execution" -> ExecutionDto.of(uy);
            case "adjustments" -> new AdjustmentList(AmountUnit.WAN_YUAN, uy.adjustments.stream().map(AdjustmentDto::of).toList());
            case "targets" -> uy.targetsRecorded ? TargetsView.of(uy) : null;
            case "monthly-execution" -> MonthlyExecutionView.of(uy);
            default -> throw new IllegalArgumentException("no audit snapshot of " + part);
        };
    }
}
