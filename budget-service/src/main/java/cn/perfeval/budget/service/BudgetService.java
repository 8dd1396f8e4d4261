package cn.perfeval.budget.service;

import cn.perfeval.budget.api.AmountUnit;
import cn.perfeval.budget.api.ApiException;
import cn.perfeval.budget.api.ProblemDetail.FieldError;
import cn.perfeval.budget.api.UnitDtos.UnitRequest;
import cn.perfeval.budget.api.UnitYearDtos.ExecutionDto;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureRowDto;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureTable;
import cn.perfeval.budget.domain.ExpenditureRow;
import cn.perfeval.budget.domain.FunctionCode;
import cn.perfeval.budget.domain.Unit;
import cn.perfeval.budget.domain.UnitYear;
import cn.perfeval.budget.events.BudgetEventWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The use cases that change a unit's data. Each runs in one transaction that also writes the
 * event announcing the change, so the change and its event are committed together or not at all.
 */
@ApplicationScoped
public class BudgetService {

    private final EntityManager em;
    private final BudgetEventWriter events;

    public BudgetService(EntityManager em, BudgetEventWriter events) {
        this.em = em;
        this.events = events;
    }

    public record UnitWrite(Unit unit, boolean created) {
    }

    /** Creates or updates a unit; every fiscal year of it gets a new version and event. */
    @Transactional
    public UnitWrite putUnit(String code, UnitRequest request) {
        Unit unit = em.find(Unit.class, code, LockModeType.PESSIMISTIC_WRITE);
        boolean created = unit == null;
        OffsetDateTime now = OffsetDateTime.now();
        if (created) {
            unit = new Unit();
            unit.code = code;
            unit.createdAt = now;
        }
        unit.name = request.name().strip();
        unit.county = request.county().strip();
        unit.province = request.province().strip();
        unit.kind = request.kind();
        unit.rank = request.rank();
        unit.address = request.address();
        unit.updatedAt = now;
        if (created) {
            unit.persist();
        } else {
            for (UnitYear uy : UnitYear.listForUnit(code)) {
                em.lock(uy, LockModeType.PESSIMISTIC_WRITE);
                uy.touch();
                events.unitYearChanged(uy);
            }
        }
        return new UnitWrite(unit, created);
    }

    /** Replaces the 支出总表 of a unit-year as a whole. */
    @Transactional
    public UnitYear replaceExpenditure(String unitCode, int year, Long expectedVersion, ExpenditureTable table) {
        validateHierarchy(table.rows());
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        ExpenditureRow.delete("unitYear", uy);
        uy.expenditureRows.clear();
        em.flush();
        int seq = 0;
        for (ExpenditureRowDto dto : table.rows()) {
            ExpenditureRow row = new ExpenditureRow();
            row.unitYear = uy;
            row.seq = seq++;
            row.code = dto.code();
            row.name = dto.name().strip();
            row.total = table.amountUnit().toWanYuan(dto.total());
            row.basic = table.amountUnit().toWanYuan(dto.basic());
            row.project = table.amountUnit().toWanYuan(dto.project());
            row.persist();
            uy.expenditureRows.add(row);
        }
        uy.touch();
        events.unitYearChanged(uy);
        return uy;
    }

    /** Replaces what happened during the year: adjustments, actual spending, balance, 三公经费. */
    @Transactional
    public UnitYear replaceExecution(String unitCode, int year, Long expectedVersion, ExecutionDto dto) {
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        AmountUnit u = dto.amountUnit();
        uy.execution.adjustmentIncrease = u.toWanYuan(dto.adjustmentIncrease());
        uy.execution.adjustmentDecrease = u.toWanYuan(dto.adjustmentDecrease());
        uy.execution.basicActual = u.toWanYuan(dto.basicActual());
        uy.execution.projectActual = u.toWanYuan(dto.projectActual());
        uy.execution.yearEndBalance = u.toWanYuan(dto.yearEndBalance());
        uy.execution.threePublicBudget = u.toWanYuan(dto.threePublicBudget());
        uy.execution.threePublicActual = u.toWanYuan(dto.threePublicActual());
        uy.touch();
        events.unitYearChanged(uy);
        return uy;
    }

    /**
     * Finds or creates the unit-year and locks it for this transaction. Concurrent writers are
     * serialised here; one that names a version that is no longer current is refused.
     */
    private UnitYear lockForWrite(String unitCode, int year, Long expectedVersion) {
        if (Unit.findByCode(unitCode) == null) {
            throw ApiException.notFound("no unit with code " + unitCode + "; create it with PUT /api/units/" + unitCode);
        }
        em.createNativeQuery("INSERT INTO unit_year (unit_code, fiscal_year, version) VALUES (?1, ?2, 0) "
                        + "ON CONFLICT (unit_code, fiscal_year) DO NOTHING")
                .setParameter(1, unitCode).setParameter(2, year).executeUpdate();
        UnitYear uy = UnitYear.find(unitCode, year).orElseThrow();
        em.refresh(uy, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && expectedVersion != uy.version) {
            throw ApiException.preconditionFailed("unit " + unitCode + " year " + year + " is at version "
                    + uy.version + ", not " + expectedVersion + "; read it again and retry");
        }
        return uy;
    }

    /** Codes must be unique and every 款 or 项 must come with its parent in the same table. */
    static void validateHierarchy(List<ExpenditureRowDto> rows) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!codes.add(rows.get(i).code())) {
                errors.add(new FieldError("rows[" + i + "].code", "duplicate function code; each code appears once",
                        rows.get(i).code()));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            String code = rows.get(i).code();
            String parent = new FunctionCode(code).parent().map(FunctionCode::value).orElse(null);
            if (parent != null && !codes.contains(parent)) {
                errors.add(new FieldError("rows[" + i + "].code",
                        "orphan code: its parent " + parent + " is not in the table", code));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors.size() + " row(s) of the table are invalid", errors);
        }
    }
}
