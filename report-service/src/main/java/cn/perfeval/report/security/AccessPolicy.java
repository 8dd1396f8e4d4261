package cn.perfeval.report.security;

import cn.perfeval.platform.security.Caller;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.report.service.ReadModel;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * Who may do what in report-service (docs/security.md). Every resource method calls one of these
 * checks first; a refusal is a 403 problem whose detail names what would have been required.
 *
 * <p>The checks of a {@code finance} user compare the token's {@code unit} claim with the path
 * alone and run before anything is looked up, so that such a token cannot learn whether another
 * unit exists. An evaluator's right depends on the unit's county, which report-service knows only
 * from the budget events it has received ({@link ReadModel#county}); a unit whose budget data has
 * not arrived has no known county, and is refused to evaluators rather than answered with 404.
 */
@RequestScoped
public class AccessPolicy {

    private final Caller caller;
    private final ReadModel readModel;

    public AccessPolicy(Caller caller, ReadModel readModel) {
        this.caller = caller;
        this.readModel = readModel;
    }

    /** The read rule: a unit-year's report, narrative and narrative versions. */
    public void readUnit(String unitCode, int year) {
        if (caller.is(Caller.ADMIN) || caller.is(Caller.VIEWER)) {
            return;
        }
        String refusal = null;
        if (caller.is(Caller.FINANCE)) {
            Optional<String> unit = caller.unit();
            if (unit.isEmpty()) {
                refusal = "a finance token without a unit claim may not read any unit";
            } else if (unit.get().equals(unitCode)) {
                return;
            } else {
                refusal = "finance users may only read their own unit (token unit " + unit.get()
                        + ", requested " + unitCode + ")";
            }
        }
        if (caller.is(Caller.EVALUATOR)) {
            Optional<String> county = caller.county();
            if (county.isEmpty()) {
                refusal = "an evaluator token without a county claim may not read any unit";
            } else {
                Optional<String> unitCounty = readModel.county(unitCode, year);
                if (unitCounty.isPresent() && unitCounty.get().equals(county.get())) {
                    return;
                }
                refusal = "evaluators may only read units of their county (token county " + county.get() + ", unit "
                        + unitCode + unitCounty.map(c -> " is in " + c).orElse(" has no county known to report-service")
                        + ")";
            }
        }
        throw ApiException.forbidden(refusal != null ? refusal
                : "reading unit " + unitCode + " requires the role admin or viewer, finance of that unit, "
                + "or evaluator of its county");
    }

    /** Saving a narrative: admin, or finance of that unit. */
    public void writeNarrative(String unitCode) {
        if (caller.is(Caller.ADMIN)) {
            return;
        }
        if (caller.is(Caller.FINANCE)) {
            Optional<String> unit = caller.unit();
            if (unit.isPresent() && unit.get().equals(unitCode)) {
                return;
            }
            throw ApiException.forbidden(unit.isEmpty()
                    ? "a finance token without a unit claim may not save any narrative"
                    : "finance users may only save their own unit's narrative (token unit " + unit.get()
                    + ", requested " + unitCode + ")");
        }
        throw ApiException.forbidden("saving the narrative of unit " + unitCode
                + " requires the role admin or finance of that unit");
    }

    /** A county summary: admin and viewer, or evaluator of that county; never finance. */
    public void readCountySummary(String county) {
        if (caller.is(Caller.ADMIN) || caller.is(Caller.VIEWER)) {
            return;
        }
        if (caller.is(Caller.EVALUATOR)) {
            Optional<String> own = caller.county();
            if (own.isPresent() && own.get().equals(county)) {
                return;
            }
            throw ApiException.forbidden(own.isEmpty()
                    ? "an evaluator token without a county claim may not read any county summary"
                    : "evaluators may only read their own county's summary (token county " + own.get()
                    + ", requested " + county + ")");
        }
        if (caller.is(Caller.FINANCE)) {
            throw ApiException.forbidden("finance users may not read county summaries; they read their own unit's report");
        }
        throw ApiException.forbidden("the summary of county " + county
                + " requires the role admin or viewer, or evaluator of that county");
    }
}
