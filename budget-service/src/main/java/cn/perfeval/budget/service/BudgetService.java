package cn.perfeval.budget.service;

import cn.perfeval.platform.audit.Actor;
import cn.perfeval.platform.audit.AuditTrail;
import cn.perfeval.platform.api.Versions;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.budget.api.AmountUnit;
import cn.perfeval.platform.problem.ProblemDetail.FieldError;
import cn.perfeval.budget.api.UnitDtos.UnitRequest;
import cn.perfeval.budget.api.JobDtos.BulkUnitYear;
import cn.perfeval.budget.api.UnitYearDtos.AdjustmentDto;
import cn.perfeval.budget.api.UnitYearDtos.AdjustmentList;
import cn.perfeval.budget.api.UnitYearDtos.BudgetSummary;
import cn.perfeval.budget.api.UnitYearDtos.ExecutionDto;
import cn.perfeval.budget.api.UnitYearDtos.ExecutionRowDto;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureRowDto;
import cn.perfeval.budget.api.UnitYearDtos.ExpenditureTable;
import cn.perfeval.budget.api.UnitYearDtos.RevenueRowDto;
import cn.perfeval.budget.api.UnitYearDtos.RevenueTable;
import cn.perfeval.budget.api.UnitYearDtos.StaffDto;
import cn.perfeval.budget.api.UnitYearDtos.SummaryExpenditureItem;
import cn.perfeval.budget.api.UnitYearDtos.SummaryRevenueItem;
import cn.perfeval.budget.api.UnitYearDtos.ThreePublicItemDto;
import cn.perfeval.budget.api.TargetDtos.MonthDto;
import cn.perfeval.budget.api.TargetDtos.MonthRequest;
import cn.perfeval.budget.api.TargetDtos.MonthlyExecution;
import cn.perfeval.budget.api.TargetDtos.ProgressRequest;
import cn.perfeval.budget.api.TargetDtos.TargetDto;
import cn.perfeval.budget.api.TargetDtos.TargetTable;
import cn.perfeval.budget.domain.Adjustment;
import cn.perfeval.budget.domain.MonthExecution;
import cn.perfeval.budget.domain.MonthExecutionRow;
import cn.perfeval.budget.domain.Target;
import cn.perfeval.budget.domain.TargetProgress;
import cn.perfeval.budget.domain.Checks;
import cn.perfeval.budget.domain.Execution;
import cn.perfeval.budget.domain.ExecutionRow;
import cn.perfeval.budget.domain.ExpenditureRow;
import cn.perfeval.budget.domain.Finding;
import cn.perfeval.budget.domain.FindingEntity;
import cn.perfeval.budget.domain.FunctionCode;
import cn.perfeval.budget.domain.RevenueRow;
import cn.perfeval.budget.domain.Staff;
import cn.perfeval.budget.domain.SummaryItem;
import cn.perfeval.budget.domain.ThreePublicItem;
import cn.perfeval.budget.domain.Unit;
import cn.perfeval.budget.domain.UnitYear;
import cn.perfeval.budget.events.BudgetEventWriter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.hibernate.Session;
import org.hibernate.StatelessSession;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The use cases that change a unit's data. Each runs in one transaction that bumps the
 * unit-year's version, recomputes its findings and writes the event announcing the change, so
 * the change and its event are committed together or not at all.
 */
@ApplicationScoped
public class BudgetService {

    private final EntityManager em;
    private final BudgetEventWriter events;
    private final Validator validator;
    private final AuditTrail audit;

    public BudgetService(EntityManager em, BudgetEventWriter events, Validator validator, AuditTrail audit) {
        this.em = em;
        this.events = events;
        this.validator = validator;
        this.audit = audit;
    }

    public record UnitWrite(Unit unit, boolean created) {
    }

    /**
     * Creates or updates a unit; every fiscal year of it gets a new version and event. Replacing an existing
     * unit needs the version it replaces ({@code ifMatch}): 428 without one, 412 when it is stale.
     */
    @Transactional
    public UnitWrite putUnit(String code, Long ifMatch, UnitRequest request) {
        Unit unit = em.find(Unit.class, code, LockModeType.PESSIMISTIC_WRITE);
        boolean created = unit == null;
        String what = "单位 " + code + " 的基本信息";
        if (created && ifMatch != null) {
            throw ApiException.preconditionFailed("If-Match 为版本 " + ifMatch + "，但" + what + "尚不存在；新建时不要给出 If-Match");
        }
        Versions.requireMatch(ifMatch, !created, created ? 0 : unit.version, what);
        UnitRequest before = created ? null : AuditSnapshots.of(unit);
        OffsetDateTime now = OffsetDateTime.now();
        if (created) {
            unit = createUnit(code, request, now);
        } else {
            applyUnit(unit, request);
            unit.updatedAt = now;
            unit.version++;
            republishYears(code, null);
        }
        audit.record(created ? "unit.create" : "unit.update", code, null, "unit", before, AuditSnapshots.of(unit));
        return new UnitWrite(unit, created);
    }

    /** A unit not stored before, with the request's master data, at version 1 (persisted). */
    private static Unit createUnit(String code, UnitRequest request, OffsetDateTime now) {
        Unit unit = new Unit();
        unit.code = code;
        unit.createdAt = now;
        applyUnit(unit, request);
        unit.updatedAt = now;
        unit.version = 1;
        unit.persist();
        return unit;
    }

    /**
     * Gives every stored year of a unit whose master data changed a new version and event (each event carries the
     * unit), except {@code exceptYear} (null: none), which the caller writes itself.
     */
    private void republishYears(String code, Integer exceptYear) {
        for (UnitYear uy : UnitYear.listForUnit(code)) {
            if (exceptYear == null || uy.fiscalYear != exceptYear) {
                em.lock(uy, LockModeType.PESSIMISTIC_WRITE);
                uy.touch();
                events.unitYearChanged(uy);
            }
        }
    }

    private static void applyUnit(Unit unit, UnitRequest request) {
        unit.name = request.name().strip();
        unit.county = request.county().strip();
        unit.province = request.province().strip();
        unit.kind = request.kind();
        unit.rank = request.rank();
        unit.address = request.address();
        unit.offices.clear();
        if (request.offices() != null) {
            for (String office : request.offices()) {
                unit.offices.add(office.strip());
            }
        }
    }

    /**
     * Stores one unit-year of a bulk import (issue #18) in the caller's transaction: the same checks as the
     * single-unit operations (Bean Validation of every part, then the rules across rows), each field error named
     * by the part and the path the single-unit operation would name ({@code expenditure.rows[0].basic}); then the
     * unit's master data (created when missing, replaced when different: the unit's other years get a new version
     * and event, as with PUT of the unit), then every part given, with one version, one findings run, one audit
     * entry and one event for the unit-year. A refused unit-year throws {@link ApiException} before anything is
     * written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UnitYear importUnitYear(BulkUnitYear line, Actor actor, String source) {
        List<FieldError> errors = checkImport(line);
        if (!errors.isEmpty()) {
            throw ApiException.invalid("单位年度数据有 " + errors.size() + " 处有误，未导入", errors);
        }
        return storeImport(line, actor, source);
    }

    /**
     * The field errors of one unit-year of a bulk import, none when it may be stored: Bean Validation of every
     * part, then the rules across rows, each field named by the part and the path the single-unit operation would
     * name. Reads nothing and writes nothing, so a refusal leaves the caller's transaction as it was.
     */
    public List<FieldError> checkImport(BulkUnitYear line) {
        List<FieldError> errors = new ArrayList<>();
        validator.validate(line).stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> errors.add(new FieldError(
                        v.getPropertyPath().toString().replace(".<list element>", "").replace(".<map value>", ""),
                        v.getMessage(),
                        v.getInvalidValue() instanceof Number || v.getInvalidValue() instanceof CharSequence
                                ? v.getInvalidValue().toString() : null)));
        if (errors.isEmpty()) {
            int year = line.year();
            if (line.budgetSummary() != null) {
                errors.addAll(prefixed("budgetSummary.", () -> validateSummary(line.budgetSummary())));
            }
            if (line.revenue() != null) {
                errors.addAll(prefixed("revenue.", () -> validateHierarchy("rows",
                        line.revenue().rows().stream().map(RevenueRowDto::code).toList())));
            }
            if (line.expenditure() != null) {
                errors.addAll(prefixed("expenditure.", () -> validateHierarchy("rows",
                        line.expenditure().rows().stream().map(ExpenditureRowDto::code).toList())));
            }
            if (line.execution() != null) {
                errors.addAll(prefixed("execution.", () -> validateExecution(line.execution())));
            }
            if (line.adjustments() != null) {
                errors.addAll(prefixed("adjustments.", () -> validateAdjustments(year, line.adjustments())));
            }
            if (line.targets() != null) {
                errors.addAll(prefixed("targets.", () -> validateTargets(line.targets())));
            }
            if (line.monthlyExecution() != null) {
                errors.addAll(prefixed("monthlyExecution.", () -> validateMonths(line.monthlyExecution().months())));
            }
        }
        return errors;
    }

    /**
     * Stores one unit-year of a bulk import that {@link #checkImport} found without errors, in the caller's
     * transaction: the unit's master data, every part given, one version, one findings run, one audit entry and
     * one event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UnitYear storeImport(BulkUnitYear line, Actor actor, String source) {
        return storeImports(List.of(line), actor, source).get(0);
    }

    /**
     * Stores unit-years of a bulk import that {@link #checkImport} found without errors, in the caller's
     * transaction, each as {@link #storeImport} would, but together: the units are locked in one statement (in
     * code order, as every worker takes them, so two workers never wait for each other in a cycle), the unit-years
     * not stored before get no deletes and are inserted with their rows in batches ({@link #insertNew}), and the
     * events and audit entries go out as one JDBC batch each. No two lines may name the same unit-year,
     * nor the same unit with different master data (the caller stores such lines in separate calls, in order).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UnitYear> storeImports(List<BulkUnitYear> lines, Actor actor, String source) {
        OffsetDateTime now = OffsetDateTime.now();
        List<AuditTrail.Change> changes = new ArrayList<>();
        Map<String, Unit> units = lockUnits(lines.stream().map(BulkUnitYear::unitCode).distinct().sorted().toList());
        for (BulkUnitYear line : lines) {
            String code = line.unitCode();
            Unit unit = units.get(code);
            if (unit == null) {
                unit = createUnit(code, line.unit(), now);
                units.put(code, unit);
                changes.add(new AuditTrail.Change("unit.create", code, null, "unit", null, AuditSnapshots.of(unit)));
            } else {
                UnitRequest before = AuditSnapshots.of(unit);
                applyUnit(unit, line.unit());
                UnitRequest after = AuditSnapshots.of(unit);
                if (!after.equals(before)) {
                    unit.updatedAt = now;
                    unit.version++;
                    republishYears(code, line.year());
                    changes.add(new AuditTrail.Change("unit.update", code, null, "unit", before, after));
                }
            }
        }
        // the unit-years: those stored before locked, the others made outside the persistence context (insertNew)
        Map<String, UnitYear> stored = new HashMap<>();
        for (UnitYear uy : em.createQuery("FROM UnitYear uy WHERE uy.unit.code IN :codes", UnitYear.class)
                .setParameter("codes", units.keySet()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            stored.put(uy.unit.code + ":" + uy.fiscalYear, uy);
        }
        List<UnitYear> result = new ArrayList<>(lines.size());
        for (BulkUnitYear line : lines) {
            UnitYear uy = stored.get(line.unitCode() + ":" + line.year());
            if (uy == null) {
                uy = UnitYear.unsaved(units.get(line.unitCode()), line.year());
                uy.updatedAt = now;
            }
            result.add(uy);
        }
        for (int i = 0; i < lines.size(); i++) {
            BulkUnitYear line = lines.get(i);
            UnitYear uy = result.get(i);
            List<String> parts = importedParts(line);
            Object before = AuditSnapshots.of(uy, parts);
            writeParts(uy, line);
            recheck(uy);
            uy.touch();
            changes.add(new AuditTrail.Change("bulk-import", uy.unit.code, uy.fiscalYear,
                    source + ":" + String.join(",", parts), before, AuditSnapshots.of(uy, parts)));
        }
        insertNew(result);
        events.unitYearsChanged(result);
        audit.recordAll(actor, changes);
        return result;
    }

    /**
     * Inserts the unit-years not stored before with their rows, through a stateless session on the transaction's
     * connection: one insert per unit-year, then each table's rows of them all as one JDBC batch. Through the
     * persistence context every row would be tracked until the end of the transaction and checked at the flush,
     * which took half of a bulk import's time.
     */
    private void insertNew(List<UnitYear> unitYears) {
        List<UnitYear> unsaved = unitYears.stream().filter(UnitYear::isNew).toList();
        if (unsaved.isEmpty()) {
            return;
        }
        em.flush(); // the units they belong to first
        try (StatelessSession session = em.unwrap(Session.class).statelessWithOptions().connection().open()) {
            Map<Class<?>, List<Object>> byTable = new LinkedHashMap<>(); // each table after those its rows refer to
            for (UnitYear uy : unsaved) {
                session.insert(uy);
                for (Object row : uy.unsavedRows) {
                    byTable.computeIfAbsent(row.getClass(), c -> new ArrayList<>()).add(row);
                }
            }
            byTable.values().forEach(session::insertMultiple);
        }
        unsaved.forEach(UnitYear::saved);
    }

    /** Persists a row of a unit-year, or keeps it with a unit-year not inserted yet ({@link #insertNew}). */
    private static void save(UnitYear uy, PanacheEntityBase row) {
        if (uy.isNew()) {
            uy.unsavedRows.add(row);
        } else {
            row.persist();
        }
    }

    /** The units of these codes that exist, locked for this transaction in the order given. */
    private Map<String, Unit> lockUnits(List<String> codes) {
        Map<String, Unit> units = new HashMap<>();
        for (Unit u : em.createQuery("FROM Unit u WHERE u.code IN :codes ORDER BY u.code", Unit.class)
                .setParameter("codes", codes).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            units.put(u.code, u);
        }
        if (!units.isEmpty()) {
            // their offices in one statement instead of one per unit when compared with the imported master data
            em.createQuery("FROM Unit u LEFT JOIN FETCH u.offices WHERE u.code IN :codes", Unit.class)
                    .setParameter("codes", units.keySet()).getResultList();
        }
        return units;
    }

    /** The parts a bulk line gives, by the names the audit trail and the single-unit operations use. */
    private static List<String> importedParts(BulkUnitYear line) {
        List<String> parts = new ArrayList<>();
        if (line.budgetSummary() != null) {
            parts.add("budget-summary");
        }
        if (line.revenue() != null) {
            parts.add("revenue");
        }
        if (line.expenditure() != null) {
            parts.add("expenditure");
        }
        if (line.staff() != null) {
            parts.add("staff");
        }
        if (line.execution() != null) {
            parts.add("execution");
        }
        if (line.adjustments() != null) {
            parts.add("adjustments");
        }
        if (line.targets() != null) {
            parts.add("targets");
        }
        if (line.monthlyExecution() != null) {
            parts.add("monthly-execution");
        }
        return parts;
    }

    /** Writes every part a bulk line gives into the unit-year, as the single-unit operations do. */
    private void writeParts(UnitYear uy, BulkUnitYear line) {
        if (line.budgetSummary() != null) {
            writeSummary(uy, line.budgetSummary());
        }
        if (line.revenue() != null) {
            writeRevenue(uy, line.revenue());
        }
        if (line.expenditure() != null) {
            writeExpenditure(uy, line.expenditure());
        }
        if (line.staff() != null) {
            writeStaff(uy, line.staff());
        }
        if (line.execution() != null) {
            writeExecution(uy, line.execution());
        }
        if (line.adjustments() != null) {
            writeAdjustments(uy, line.adjustments());
        }
        if (line.targets() != null) {
            writeTargets(uy, line.targets());
        }
        if (line.monthlyExecution() != null) {
            writeMonths(uy, line.monthlyExecution());
        }
    }

    /** The field errors of a rule check, each field prefixed with the part of the bulk line it is in. */
    private static List<FieldError> prefixed(String prefix, Runnable check) {
        try {
            check.run();
            return List.of();
        } catch (ApiException e) {
            List<FieldError> errors = e.toProblem("").errors();
            if (errors == null || errors.isEmpty()) {
                return List.of(new FieldError(prefix.substring(0, prefix.length() - 1), e.getMessage(), null));
            }
            return errors.stream().map(f -> new FieldError(prefix + f.field(), f.message(), f.rejected())).toList();
        }
    }

    /** Replaces the staff facts of a unit-year. */
    @Transactional
    public UnitYear replaceStaff(String unitCode, int year, Long expectedVersion, StaffDto dto) {
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        Object before = AuditSnapshots.of(uy, "staff");
        writeStaff(uy, dto);
        return replaced(uy, "staff", before);
    }

    private static void writeStaff(UnitYear uy, StaffDto dto) {
        Staff s = uy.staff;
        s.authorizedPosts = dto.authorizedPosts();
        s.actual = dto.actual();
        s.inService = dto.inService();
        s.administrative = dto.administrative();
        s.publicInstitution = dto.publicInstitution();
        s.nonCivilServiceInstitution = dto.nonCivilServiceInstitution();
        s.retired = dto.retired();
        s.survivorSubsidy = dto.survivorSubsidy();
    }

    /** Replaces the 支出总表 of a unit-year as a whole. */
    @Transactional
    public UnitYear replaceExpenditure(String unitCode, int year, Long expectedVersion, ExpenditureTable table) {
        validateHierarchy("rows", table.rows().stream().map(ExpenditureRowDto::code).toList());
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        Object before = AuditSnapshots.of(uy, "expenditure");
        writeExpenditure(uy, table);
        return replaced(uy, "expenditure", before);
    }

    private void writeExpenditure(UnitYear uy, ExpenditureTable table) {
        if (!uy.isNew()) {
            ExpenditureRow.delete("unitYear", uy);
            uy.expenditureRows.clear();
            em.flush();
        }
        AmountUnit u = table.amountUnit();
        int seq = 0;
        for (ExpenditureRowDto dto : table.rows()) {
            ExpenditureRow row = new ExpenditureRow();
            row.unitYear = uy;
            row.seq = seq++;
            row.code = dto.code();
            row.name = dto.name().strip();
            row.total = u.toWanYuan(dto.total());
            row.basic = u.toWanYuan(dto.basic());
            row.project = u.toWanYuan(dto.project());
            save(uy, row);
            uy.expenditureRows.add(row);
        }
    }

    /** Replaces the 收入总表 of a unit-year as a whole. */
    @Transactional
    public UnitYear replaceRevenue(String unitCode, int year, Long expectedVersion, RevenueTable table) {
        validateHierarchy("rows", table.rows().stream().map(RevenueRowDto::code).toList());
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        Object before = AuditSnapshots.of(uy, "revenue");
        writeRevenue(uy, table);
        return replaced(uy, "revenue", before);
    }

    private void writeRevenue(UnitYear uy, RevenueTable table) {
        if (!uy.isNew()) {
            RevenueRow.delete("unitYear", uy);
            uy.revenueRows.clear();
            em.flush();
        }
        AmountUnit u = table.amountUnit();
        int seq = 0;
        for (RevenueRowDto dto : table.rows()) {
            RevenueRow row = new RevenueRow();
            row.unitYear = uy;
            row.seq = seq++;
            row.code = dto.code();
            row.name = dto.name().strip();
            row.total = u.toWanYuan(dto.total());
            row.generalBudget = u.toWanYuan(dto.generalBudget());
            row.generalBudgetFunding = u.toWanYuan(dto.generalBudgetFunding());
            row.generalBudgetNonTax = u.toWanYuan(dto.generalBudgetNonTax());
            row.governmentFund = u.toWanYuan(dto.governmentFund());
            row.specialAccountNonTax = u.toWanYuan(dto.specialAccountNonTax());
            row.superiorSubsidy = u.toWanYuan(dto.superiorSubsidy());
            row.other = u.toWanYuan(dto.other());
            save(uy, row);
            uy.revenueRows.add(row);
        }
    }

    /** Replaces the 收支总表 of a unit-year as a whole. */
    @Transactional
    public UnitYear replaceBudgetSummary(String unitCode, int year, Long expectedVersion, BudgetSummary summary) {
        validateSummary(summary);
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        Object before = AuditSnapshots.of(uy, "budget-summary");
        writeSummary(uy, summary);
        return replaced(uy, "budget-summary", before);
    }

    private void writeSummary(UnitYear uy, BudgetSummary summary) {
        if (!uy.isNew()) {
            SummaryItem.delete("unitYear", uy);
            uy.summaryItems.clear();
            em.flush();
        }
        AmountUnit u = summary.amountUnit();
        int seq = 0;
        for (SummaryRevenueItem source : summary.revenue()) {
            SummaryItem parent = summaryItem(uy, SummaryItem.REVENUE, seq++, null, null, source.item(), u.toWanYuan(source.amount()));
            if (source.children() != null) {
                for (SummaryRevenueItem child : source.children()) {
                    summaryItem(uy, SummaryItem.REVENUE, seq++, parent.seq, null, child.item(), u.toWanYuan(child.amount()));
                }
            }
        }
        seq = 0;
        for (SummaryExpenditureItem e : summary.expenditure()) {
            summaryItem(uy, SummaryItem.EXPENDITURE, seq++, null, e.code(), e.item(), u.toWanYuan(e.amount()));
        }
        uy.summaryRecorded = true;
        uy.summaryRevenueTotal = u.toWanYuan(summary.revenueTotal());
        uy.summaryCarryForward = u.toWanYuan(summary.carryForwardToNextYear());
        uy.summaryExpenditureTotal = u.toWanYuan(summary.expenditureTotal());
    }

    /**
     * Replaces the tables found in an imported file, all in one transaction and one version:
     * either every table of the file is stored or none.
     */
    @Transactional
    public UnitYear importTables(String unitCode, int year, Long expectedVersion, TableImport.Tables tables, String source) {
        List<FieldError> errors = new ArrayList<>();
        validateAt(tables, TableImport.SUMMARY, tables.budgetSummary(), errors);
        validateAt(tables, TableImport.REVENUE, tables.revenue(), errors);
        validateAt(tables, TableImport.EXPENDITURE, tables.expenditure(), errors);
        validateAt(tables, TableImport.TARGETS, tables.targets(), errors);
        validateAt(tables, TableImport.MONTHLY, tables.monthlyExecution(), errors);
        // the rules across a table's rows, once every single value is right
        boolean valuesRight = errors.isEmpty();
        if (valuesRight && tables.targets() != null) {
            errors.addAll(atCells(tables, TableImport.TARGETS, () -> validateTargets(tables.targets())));
        }
        if (valuesRight && tables.monthlyExecution() != null) {
            errors.addAll(atCells(tables, TableImport.MONTHLY, () -> validateMonths(tables.monthlyExecution().months())));
        }
        if (!errors.isEmpty()) {
            // a merged category cell read for several rows is one wrong cell
            Set<String> seen = new HashSet<>();
            errors.removeIf(f -> !seen.add(f.field() + "\u0000" + f.message()));
            StringBuilder detail = new StringBuilder("文件中有 " + errors.size() + " 个值有误，未导入任何数据：");
            for (int i = 0; i < Math.min(errors.size(), 5); i++) {
                detail.append(i == 0 ? "" : "；").append(errors.get(i).field()).append(" ").append(errors.get(i).message());
            }
            throw ApiException.invalid(detail.append(errors.size() > 5 ? "；……" : "").toString(), errors);
        }
        if (tables.budgetSummary() != null) {
            try {
                validateSummary(tables.budgetSummary());
            } catch (ApiException e) {
                // the same rules as for JSON, reported at the cells the values came from
                List<FieldError> cells = e.toProblem("").errors().stream()
                        .map(f -> new FieldError(tables.cell(TableImport.SUMMARY, f.field()), f.message(), f.rejected())).toList();
                throw new ApiException(cn.perfeval.platform.problem.ProblemType.VALIDATION,
                        "文件中的收支总表有误，未导入任何数据：" + e.getMessage(), cells);
            }
        }
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        List<String> targets = tables.names();
        Object before = AuditSnapshots.of(uy, targets);
        if (tables.budgetSummary() != null) {
            writeSummary(uy, tables.budgetSummary());
        }
        if (tables.revenue() != null) {
            writeRevenue(uy, tables.revenue());
        }
        if (tables.expenditure() != null) {
            writeExpenditure(uy, tables.expenditure());
        }
        if (tables.targets() != null) {
            writeTargets(uy, tables.targets());
        }
        if (tables.monthlyExecution() != null) {
            writeMonths(uy, tables.monthlyExecution());
        }
        return committed(uy, "import", source + ":" + String.join(",", targets), before, targets);
    }

    /** Bean Validation of one imported table (absent: nothing), each violation reported at the cell it came from. */
    private void validateAt(TableImport.Tables tables, String sheet, Object table, List<FieldError> errors) {
        if (table != null) {
            validator.validate(table).forEach(v ->
                    errors.add(new FieldError(tables.cell(sheet, v.getPropertyPath().toString()), v.getMessage(), null)));
        }
    }

    /** The field errors of a rule check, reported at the cells the values came from. */
    private static List<FieldError> atCells(TableImport.Tables tables, String table, Runnable check) {
        try {
            check.run();
            return List.of();
        } catch (ApiException e) {
            return e.toProblem("").errors().stream()
                    .map(f -> new FieldError(tables.cell(table, f.field()), f.message(), f.rejected())).toList();
        }
    }

    private SummaryItem summaryItem(UnitYear uy, String section, int seq, Integer parentSeq, String code, String item,
                                    BigDecimal amount) {
        SummaryItem i = new SummaryItem();
        i.unitYear = uy;
        i.section = section;
        i.seq = seq;
        i.parentSeq = parentSeq;
        i.code = code;
        i.item = item.strip();
        i.amount = amount;
        save(uy, i);
        uy.summaryItems.add(i);
        return i;
    }

    /** Replaces what happened during the year: actual spending, balances, 三公经费, other facts. */
    @Transactional
    public UnitYear replaceExecution(String unitCode, int year, Long expectedVersion, ExecutionDto dto) {
        validateExecution(dto);
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        Object before = AuditSnapshots.of(uy, "execution");
        writeExecution(uy, dto);
        return replaced(uy, "execution", before);
    }

    static void validateExecution(ExecutionDto dto) {
        if (dto.byFunction() != null) {
            validateHierarchy("byFunction", dto.byFunction().stream().map(ExecutionRowDto::code).toList());
        }
        if (dto.threePublicItems() != null) {
            List<FieldError> errors = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < dto.threePublicItems().size(); i++) {
                if (!seen.add(dto.threePublicItems().get(i).item())) {
                    errors.add(new FieldError("threePublicItems[" + i + "].item", "项目重复：每项只能出现一次",
                            dto.threePublicItems().get(i).item()));
                }
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid("“三公”经费项目重复", errors);
            }
        }
    }

    private void writeExecution(UnitYear uy, ExecutionDto dto) {
        AmountUnit u = dto.amountUnit();
        Execution e = uy.execution;
        e.adjustmentIncrease = u.toWanYuan(dto.adjustmentIncrease());
        e.adjustmentDecrease = u.toWanYuan(dto.adjustmentDecrease());
        e.basicActual = u.toWanYuan(dto.basicActual());
        e.projectActual = u.toWanYuan(dto.projectActual());
        e.yearEndBalance = u.toWanYuan(dto.yearEndBalance());
        e.threePublicBudget = u.toWanYuan(dto.threePublicBudget());
        e.threePublicActual = u.toWanYuan(dto.threePublicActual());
        e.threePublicBudgetLastYear = u.toWanYuan(dto.threePublicBudgetLastYear());
        e.threePublicActualLastYear = u.toWanYuan(dto.threePublicActualLastYear());
        e.carryOver = u.toWanYuan(dto.carryOver());
        e.carryOverBalance = u.toWanYuan(dto.carryOverBalance());
        e.carryOverBalanceLastYear = u.toWanYuan(dto.carryOverBalanceLastYear());
        e.procurementBudget = u.toWanYuan(dto.procurementBudget());
        e.procurementActual = u.toWanYuan(dto.procurementActual());
        e.publicRunningBudget = u.toWanYuan(dto.publicRunningBudget());
        e.publicRunningActual = u.toWanYuan(dto.publicRunningActual());
        e.fixedAssetsInUse = u.toWanYuan(dto.fixedAssetsInUse());
        e.fixedAssetsTotal = u.toWanYuan(dto.fixedAssetsTotal());
        e.keyProjectSpending = u.toWanYuan(dto.keyProjectSpending());
        // percentages and counts are not amounts: no unit conversion
        e.paymentProgressActual = dto.paymentProgressActual();
        e.paymentProgressPlanned = dto.paymentProgressPlanned();
        e.keyTasksAssigned = dto.keyTasksAssigned();
        e.keyTasksCompleted = dto.keyTasksCompleted();

        if (!uy.isNew()) {
            ExecutionRow.delete("unitYear", uy);
            uy.executionRows.clear();
            ThreePublicItem.delete("unitYear", uy);
            uy.threePublicItems.clear();
            em.flush();
        }
        int seq = 0;
        for (ExecutionRowDto r : dto.byFunction() == null ? List.<ExecutionRowDto>of() : dto.byFunction()) {
            ExecutionRow row = new ExecutionRow();
            row.unitYear = uy;
            row.seq = seq++;
            row.code = r.code();
            row.name = r.name() == null ? null : r.name().strip();
            row.basicActual = u.toWanYuan(r.basicActual());
            row.projectActual = u.toWanYuan(r.projectActual());
            save(uy, row);
            uy.executionRows.add(row);
        }
        seq = 0;
        for (ThreePublicItemDto i : dto.threePublicItems() == null ? List.<ThreePublicItemDto>of() : dto.threePublicItems()) {
            ThreePublicItem item = new ThreePublicItem();
            item.unitYear = uy;
            item.seq = seq++;
            item.item = i.item();
            item.budget = u.toWanYuan(i.budget());
            item.actual = u.toWanYuan(i.actual());
            item.budgetLastYear = u.toWanYuan(i.budgetLastYear());
            item.actualLastYear = u.toWanYuan(i.actualLastYear());
            save(uy, item);
            uy.threePublicItems.add(item);
        }
    }

    /** Replaces the list of budget adjustments (调增 / 调减 / 追加) of a unit-year. */
    @Transactional
    public UnitYear replaceAdjustments(String unitCode, int year, Long expectedVersion, AdjustmentList list) {
        validateAdjustments(year, list);
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        Object before = AuditSnapshots.of(uy, "adjustments");
        writeAdjustments(uy, list);
        return replaced(uy, "adjustments", before);
    }

    static void validateAdjustments(int year, AdjustmentList list) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            AdjustmentDto a = list.items().get(i);
            if (a.date().getYear() < year - 1 || a.date().getYear() > year + 1) {
                errors.add(new FieldError("items[" + i + "].date", "日期应在 " + year + " 年度或其前后一年内",
                        a.date().toString()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("有 " + errors.size() + " 笔预算调整有误，均未保存", errors);
        }
    }

    private void writeAdjustments(UnitYear uy, AdjustmentList list) {
        if (!uy.isNew()) {
            Adjustment.delete("unitYear", uy);
            uy.adjustments.clear();
            em.flush();
        }
        AmountUnit u = list.amountUnit();
        int seq = 0;
        for (AdjustmentDto dto : list.items()) {
            Adjustment a = new Adjustment();
            a.unitYear = uy;
            a.seq = seq++;
            a.kind = dto.kind();
            a.date = dto.date();
            a.reason = dto.reason() == null || dto.reason().isBlank() ? null : dto.reason().strip();
            a.code = dto.code();
            a.amount = u.toWanYuan(dto.amount());
            save(uy, a);
            uy.adjustments.add(a);
        }
    }

    // ------------------------------------------------------------------ 绩效目标表 and 分月执行

    /**
     * Replaces the target table (overall goal and indicators). The progress recorded for targets whose
     * code stays is kept; that of targets no longer in the table is deleted. Through the API, replacing a
     * recorded target table needs the version it replaces ({@code requireIfMatch}: 428 without one).
     */
    @Transactional
    public UnitYear replaceTargets(String unitCode, int year, Long expectedVersion, TargetTable table, boolean requireIfMatch) {
        validateTargets(table);
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        if (requireIfMatch) {
            Versions.requireIfMatch(expectedVersion, uy.targetsRecorded, "单位 " + unitCode + " " + year + " 年度的绩效目标表");
        }
        Object before = AuditSnapshots.of(uy, "targets");
        writeTargets(uy, table);
        return replaced(uy, "targets", before);
    }

    private void writeTargets(UnitYear uy, TargetTable table) {
        if (!uy.isNew()) {
            Target.delete("unitYear", uy);
            uy.targets.clear();
            Set<String> kept = new HashSet<>();
            table.indicators().forEach(t -> kept.add(t.code()));
            for (TargetProgress p : List.copyOf(uy.targetProgress)) {
                if (!kept.contains(p.targetCode)) {
                    uy.targetProgress.remove(p);
                    em.remove(p);
                }
            }
            em.flush();
        }
        int seq = 0;
        for (TargetDto dto : table.indicators()) {
            Target t = new Target();
            t.unitYear = uy;
            t.seq = seq++;
            t.code = dto.code();
            t.level1 = dto.level1();
            t.level2 = dto.level2().strip();
            t.name = dto.name().strip();
            t.unitOfMeasure = blankToNull(dto.unitOfMeasure());
            t.targetValue = dto.targetValue();
            t.targetText = blankToNull(dto.targetText());
            t.direction = dto.direction();
            t.weight = dto.weight();
            save(uy, t);
            uy.targets.add(t);
        }
        uy.targetsRecorded = true;
        uy.overallGoal = blankToNull(table.overallGoal());
    }

    /**
     * The rules of a target table beyond the single fields: level 2 under its level 1, a target value
     * for a quantitative target and a text (and no value) for a qualitative one, unique codes.
     */
    public static void validateTargets(TargetTable table) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < table.indicators().size(); i++) {
            TargetDto t = table.indicators().get(i);
            String at = "indicators[" + i + "].";
            if (!codes.add(t.code())) {
                errors.add(new FieldError(at + "code", "指标编码重复：每个编码只能出现一次", t.code()));
            }
            List<String> level2 = Target.level2Of(t.level1());
            if (!level2.contains(t.level2().strip())) {
                errors.add(new FieldError(at + "level2", "二级指标应为 " + String.join("、", level2)
                        + "（一级指标为 " + t.level1() + "）", t.level2()));
            }
            if (Target.QUALITATIVE.equals(t.direction())) {
                if (t.targetValue() != null) {
                    errors.add(new FieldError(at + "targetValue", "定性指标不填数字指标值，请把指标值写成文字表述",
                            t.targetValue().toPlainString()));
                }
                if (t.targetText() == null || t.targetText().isBlank()) {
                    errors.add(new FieldError(at + "targetText", "定性指标须给出指标值的文字表述", null));
                }
            } else if (t.targetValue() == null) {
                errors.add(new FieldError(at + "targetValue", "定量指标（" + t.direction() + "）须给出指标值", null));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("绩效目标表中有 " + errors.size() + " 处有误，均未保存：" + errors.get(0).field()
                    + " " + errors.get(0).message(), errors);
        }
    }

    /**
     * Records the actual value of one target as of the end of a month (replacing what was recorded for that
     * month), with the caller and the time. Overwriting an entry needs the version it replaces (428 without).
     */
    @Transactional
    public UnitYear recordProgress(String unitCode, int year, Long expectedVersion, String targetCode, int month,
                                   ProgressRequest request, String by) {
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        Target target = uy.targets.stream().filter(t -> t.code.equals(targetCode)).findFirst()
                .orElseThrow(() -> ApiException.notFound("单位 " + unitCode + " " + year + " 年度的绩效目标表中没有编码为 "
                        + targetCode + " 的指标"));
        validateProgress(target, request);
        TargetProgress existing = uy.targetProgress.stream()
                .filter(p -> p.targetCode.equals(targetCode) && p.month == month).findFirst().orElse(null);
        Versions.requireIfMatch(expectedVersion, existing != null,
                "指标 " + targetCode + " " + month + " 月的完成值");
        Object before = AuditSnapshots.of(uy, "targets");
        TargetProgress p = existing;
        if (p == null) {
            p = new TargetProgress();
            p.unitYear = uy;
            p.targetCode = targetCode;
            p.month = month;
        }
        p.actualValue = request.actualValue();
        p.actualText = blankToNull(request.actualText());
        p.achievement = request.achievement();
        p.achievementPercent = request.achievementPercent();
        p.deviationReason = blankToNull(request.deviationReason());
        p.by = by;
        p.at = OffsetDateTime.now();
        if (existing == null) {
            p.persist();
            uy.targetProgress.add(p);
        }
        return committed(uy, "target-progress.record", "targets:" + targetCode + ":" + month, before, List.of("targets"));
    }

    /** The bands of the qualitative achievements (share of the points, %), both ends included. */
    static BigDecimal[] band(String achievement) {
        return switch (achievement) {
            case "达成" -> new BigDecimal[]{BigDecimal.valueOf(80), BigDecimal.valueOf(100)};
            case "部分达成" -> new BigDecimal[]{BigDecimal.valueOf(60), BigDecimal.valueOf(80)};
            default -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.valueOf(60)};
        };
    }

    /** A quantitative target takes a value; a qualitative one an achievement with its percent in the band and a text. */
    public static void validateProgress(Target target, ProgressRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (target.isQualitative()) {
            if (r.actualValue() != null) {
                errors.add(new FieldError("actualValue", "定性指标不填数字完成值，请给出完成等级、得分比例和完成情况",
                        r.actualValue().toPlainString()));
            }
            if (r.achievement() == null) {
                errors.add(new FieldError("achievement", "定性指标须给出完成等级：达成、部分达成 或 未达成", null));
            }
            if (r.achievementPercent() == null) {
                errors.add(new FieldError("achievementPercent", "定性指标须给出得分比例（%）", null));
            } else if (r.achievement() != null) {
                BigDecimal[] band = band(r.achievement());
                if (r.achievementPercent().compareTo(band[0]) < 0 || r.achievementPercent().compareTo(band[1]) > 0) {
                    errors.add(new FieldError("achievementPercent", "完成等级为 " + r.achievement() + " 时得分比例应在 "
                            + band[0] + "–" + band[1] + "% 之间", r.achievementPercent().toPlainString()));
                }
            }
            if (r.actualText() == null || r.actualText().isBlank()) {
                errors.add(new FieldError("actualText", "定性指标须给出完成情况的文字表述", null));
            }
        } else {
            if (r.actualValue() == null) {
                errors.add(new FieldError("actualValue", "定量指标须给出完成值", null));
            }
            if (r.achievement() != null) {
                errors.add(new FieldError("achievement", "定量指标不填完成等级（只用于定性指标）", r.achievement()));
            }
            if (r.achievementPercent() != null) {
                errors.add(new FieldError("achievementPercent", "定量指标不填得分比例（只用于定性指标）",
                        r.achievementPercent().toPlainString()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("指标 " + target.code + " 的完成值有误，未保存：" + errors.get(0).field() + " "
                    + errors.get(0).message(), errors);
        }
    }

    /** Replaces the monthly execution as a whole. */
    @Transactional
    public UnitYear replaceMonthlyExecution(String unitCode, int year, Long expectedVersion, MonthlyExecution body) {
        validateMonths(body.months());
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        Object before = AuditSnapshots.of(uy, "monthly-execution");
        writeMonths(uy, body);
        return replaced(uy, "monthly-execution", before);
    }

    private void writeMonths(UnitYear uy, MonthlyExecution body) {
        AmountUnit u = body.amountUnit() == null ? AmountUnit.WAN_YUAN : body.amountUnit();
        if (!uy.isNew()) {
            MonthExecution.delete("unitYear", uy);
            uy.months.clear();
            em.flush();
        }
        for (MonthDto m : body.months()) {
            writeMonth(uy, m.month(), u, m.basicActual(), m.projectActual(), m.byFunction());
        }
    }

    /** Records (or replaces) one month of the monthly execution. */
    @Transactional
    public UnitYear putMonth(String unitCode, int year, Long expectedVersion, int month, MonthRequest body) {
        if (body.byFunction() != null) {
            validateHierarchy("byFunction", body.byFunction().stream().map(ExecutionRowDto::code).toList());
        }
        UnitYear uy = lockForWrite(unitCode, year, expectedVersion);
        Object before = AuditSnapshots.of(uy, "monthly-execution");
        uy.months.stream().filter(m -> m.month == month).findFirst().ifPresent(m -> {
            uy.months.remove(m);
            em.remove(m);
        });
        em.flush();
        writeMonth(uy, month, body.amountUnit() == null ? AmountUnit.WAN_YUAN : body.amountUnit(),
                body.basicActual(), body.projectActual(), body.byFunction());
        return committed(uy, "monthly-execution.month", "monthly-execution:" + month, before, List.of("monthly-execution"));
    }

    private void writeMonth(UnitYear uy, int month, AmountUnit u, BigDecimal basic, BigDecimal project,
                            List<ExecutionRowDto> byFunction) {
        MonthExecution me = new MonthExecution();
        me.unitYear = uy;
        me.month = month;
        me.basicActual = u.toWanYuan(basic);
        me.projectActual = u.toWanYuan(project);
        save(uy, me);
        if (byFunction != null) {
            int seq = 0;
            for (ExecutionRowDto r : byFunction) {
                MonthExecutionRow row = new MonthExecutionRow();
                row.month = me;
                row.seq = seq++;
                row.code = r.code();
                row.name = r.name() == null ? null : r.name().strip();
                row.basicActual = u.toWanYuan(r.basicActual());
                row.projectActual = u.toWanYuan(r.projectActual());
                save(uy, row);
                me.byFunction.add(row);
            }
        }
        uy.months.add(me);
    }

    /** Months unique; in month order the cumulative figures (basic and project) do not go down; by-function rows as a table. */
    public static void validateMonths(List<MonthDto> months) {
        List<FieldError> errors = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < months.size(); i++) {
            if (!seen.add(months.get(i).month())) {
                errors.add(new FieldError("months[" + i + "].month", "月份重复：每个月只能出现一次",
                        String.valueOf(months.get(i).month())));
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparingInt(i -> months.get(i).month()));
        // in month order, the first entry of each month (a repeated month is refused above)
        List<Integer> firsts = new ArrayList<>();
        for (int i : order) {
            if (firsts.isEmpty() || !months.get(firsts.get(firsts.size() - 1)).month().equals(months.get(i).month())) {
                firsts.add(i);
            }
        }
        for (int k = 1; k < firsts.size(); k++) {
            MonthDto prev = months.get(firsts.get(k - 1));
            MonthDto cur = months.get(firsts.get(k));
            int i = firsts.get(k);
            if (cur.basicActual().compareTo(prev.basicActual()) < 0) {
                errors.add(new FieldError("months[" + i + "].basicActual", cur.month() + " 月的基本支出累计 "
                        + cur.basicActual().toPlainString() + " 小于 " + prev.month() + " 月的 "
                        + prev.basicActual().toPlainString() + "：累计数不能减少", cur.basicActual().toPlainString()));
            }
            if (cur.projectActual().compareTo(prev.projectActual()) < 0) {
                errors.add(new FieldError("months[" + i + "].projectActual", cur.month() + " 月的项目支出累计 "
                        + cur.projectActual().toPlainString() + " 小于 " + prev.month() + " 月的 "
                        + prev.projectActual().toPlainString() + "：累计数不能减少", cur.projectActual().toPlainString()));
            }
        }
        for (int i = 0; i < months.size(); i++) {
            if (months.get(i).byFunction() != null) {
                try {
                    validateHierarchy("months[" + i + "].byFunction",
                            months.get(i).byFunction().stream().map(ExecutionRowDto::code).toList());
                } catch (ApiException e) {
                    errors.addAll(e.toProblem("").errors());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("分月执行数据中有 " + errors.size() + " 处有误，均未保存：" + errors.get(0).field()
                    + " " + errors.get(0).message(), errors);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Commits the replacement of one part of a unit-year; audited as {@code <part>.replace}. */
    private UnitYear replaced(UnitYear uy, String part, Object before) {
        return committed(uy, part + ".replace", part, before, List.of(part));
    }

    /**
     * The end of every write: recomputes the findings, bumps the version, writes the event and
     * the audit entry, all in the transaction of the change.
     */
    private UnitYear committed(UnitYear uy, String action, String target, Object before, List<String> parts) {
        return committed(uy, action, target, before, parts, null);
    }

    /** As above, recorded in the audit trail as {@code actor} (null: the caller of the request). */
    private UnitYear committed(UnitYear uy, String action, String target, Object before, List<String> parts, Actor actor) {
        recheck(uy);
        uy.touch();
        events.unitYearChanged(uy);
        if (actor == null) {
            audit.record(action, uy.unit.code, uy.fiscalYear, target, before, AuditSnapshots.of(uy, parts));
        } else {
            audit.record(actor, action, uy.unit.code, uy.fiscalYear, target, before, AuditSnapshots.of(uy, parts));
        }
        return uy;
    }

    /** Replaces the findings of a unit-year with those of the rules run on its data as it is now. */
    private void recheck(UnitYear uy) {
        if (!uy.isNew()) {
            FindingEntity.delete("unitYear", uy);
            uy.findings.clear();
            em.flush();
        }
        int seq = 0;
        for (Finding f : Checks.check(uy)) {
            FindingEntity fe = new FindingEntity();
            fe.unitYear = uy;
            fe.seq = seq++;
            fe.ruleId = f.ruleId();
            fe.severity = f.severity().name();
            fe.table = f.table();
            fe.code = f.code();
            fe.column = f.column();
            fe.expected = f.expected();
            fe.actual = f.actual();
            fe.message = f.message();
            save(uy, fe);
            uy.findings.add(fe);
        }
    }

    /**
     * Finds or creates the unit-year and locks it for this transaction. Concurrent writers are
     * serialised here; one that names a version that is no longer current is refused.
     */
    private UnitYear lockForWrite(String unitCode, int year, Long expectedVersion) {
        if (Unit.findByCode(unitCode) == null) {
            throw ApiException.notFound("没有统一社会信用代码为 " + unitCode + " 的单位；请先用 PUT /api/v1/units/" + unitCode + " 新建");
        }
        em.createNativeQuery("INSERT INTO unit_year (unit_code, fiscal_year, version) VALUES (?1, ?2, 0) "
                        + "ON CONFLICT (unit_code, fiscal_year) DO NOTHING")
                .setParameter(1, unitCode).setParameter(2, year).executeUpdate();
        UnitYear uy = UnitYear.find(unitCode, year).orElseThrow();
        em.refresh(uy, LockModeType.PESSIMISTIC_WRITE);
        Versions.check(expectedVersion, uy.version, "单位 " + unitCode + " " + year + " 年度的预算数据");
        return uy;
    }

    /** Codes must be unique and every 款 or 项 must come with its parent in the same table. */
    public static void validateHierarchy(String field, List<String> codes) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!seen.add(codes.get(i))) {
                errors.add(new FieldError(field + "[" + i + "].code", "科目编码重复：每个编码只能出现一次",
                        codes.get(i)));
            }
        }
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String parent = new FunctionCode(code).parent().map(FunctionCode::value).orElse(null);
            if (parent != null && !seen.contains(parent)) {
                errors.add(new FieldError(field + "[" + i + "].code",
                        "上级科目 " + parent + " 不在表中：款、项须与其上级科目同在表中", code));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("表中有 " + errors.size() + " 行有误，均未保存", errors);
        }
    }

    /** 类 codes unique; revenue sources unique, with sub-items one level deep. */
    static void validateSummary(BudgetSummary summary) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        for (int i = 0; i < summary.revenue().size(); i++) {
            SummaryRevenueItem s = summary.revenue().get(i);
            if (!sources.add(s.item().strip())) {
                errors.add(new FieldError("revenue[" + i + "].item", "收入项目重复：每项只能出现一次", s.item()));
            }
            if (s.children() != null) {
                Set<String> children = new HashSet<>();
                for (int j = 0; j < s.children().size(); j++) {
                    SummaryRevenueItem c = s.children().get(j);
                    if (c.children() != null && !c.children().isEmpty()) {
                        errors.add(new FieldError("revenue[" + i + "].children[" + j + "].children",
                                "其中项下不能再有其中项", null));
                    }
                    if (!children.add(c.item().strip())) {
                        errors.add(new FieldError("revenue[" + i + "].children[" + j + "].item",
                                "其中项重复：每项只能出现一次", c.item()));
                    }
                }
            }
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < summary.expenditure().size(); i++) {
            if (!codes.add(summary.expenditure().get(i).code())) {
                errors.add(new FieldError("expenditure[" + i + "].code", "科目编码重复：每个编码只能出现一次",
                        summary.expenditure().get(i).code()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("收支总表中有 " + errors.size() + " 处有误，均未保存", errors);
        }
    }
}
