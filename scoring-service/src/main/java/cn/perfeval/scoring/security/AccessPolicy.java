package cn.perfeval.scoring.security;

import cn.perfeval.platform.security.Caller;
import cn.perfeval.platform.problem.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

import static cn.perfeval.platform.security.Caller.ADMIN;
import static cn.perfeval.platform.security.Caller.EVALUATOR;
import static cn.perfeval.platform.security.Caller.FINANCE;
import static cn.perfeval.platform.security.Caller.VIEWER;

/**
 * Who may do what in scoring-service (docs/security.md), checked at the start of every
 * operation. A refusal is a 403 problem whose detail names what would have been required.
 *
 * <p>Two rules shape the order of the checks. A {@code finance} user asking for another unit is
 * refused from the token alone, before anything is looked up, so that the answer does not tell
 * whether the unit exists. An {@code evaluator} is allowed a unit only when this service knows the
 * unit-year's county from the budget events it stored and it is the evaluator's county: with no
 * data for the unit-year, membership of the county cannot be established, and the request is
 * refused rather than guessed.
 */
@ApplicationScoped
public class AccessPolicy {

    private final Caller caller;
    private final EntityManager em;

    public AccessPolicy(Caller caller, EntityManager em) {
        this.caller = caller;
        this.em = em;
    }

    /** Indicator systems, versions, measures and assignments: any of the four roles. */
    public void readCatalog() {
        if (!(caller.is(ADMIN) || caller.is(FINANCE) || caller.is(EVALUATOR) || caller.is(VIEWER))) {
            throw forbidden("one of the roles admin, finance, evaluator or viewer is required (token roles "
                    + caller.roles() + ")");
        }
    }

    /** Indicator systems, assignments and the audit trail: admin only. */
    public void admin(String what) {
        if (!caller.is(ADMIN)) {
            throw forbidden("only admin users may " + what + " (token roles " + caller.roles() + ")");
        }
    }

    /** Scores, history, judgements, published scores, inconsistencies of a unit-year: the read rule. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void readUnit(String unitCode, int year) {
        if (caller.is(ADMIN) || caller.is(VIEWER)) {
            return;
        }
        String refusal = null;
        if (caller.is(FINANCE)) {
            refusal = financeRefusal(unitCode, "read");
            if (refusal == null) {
                return;
            }
        }
        if (caller.is(EVALUATOR)) {
            String evaluatorRefusal = evaluatorRefusal(unitCode, year, "read");
            if (evaluatorRefusal == null) {
                return;
            }
            refusal = refusal == null ? evaluatorRefusal : refusal + "; " + evaluatorRefusal;
        }
        throw forbidden(refusal != null ? refusal
                : "reading a unit's scores requires the role admin, viewer, finance (own unit) or evaluator (own county)"
                + " (token roles " + caller.roles() + ")");
    }

    /** Writing a judgement: admin, or an evaluator of the unit's county. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void judge(String unitCode, int year) {
        if (caller.is(ADMIN)) {
            return;
        }
        if (caller.is(EVALUATOR)) {
            String refusal = evaluatorRefusal(unitCode, year, "judge");
            if (refusal == null) {
                return;
            }
            throw forbidden(refusal);
        }
        throw forbidden("judgements are written by admin users or evaluators of the unit's county (token roles "
                + caller.roles() + ")");
    }

    /** Recording a unit's published scores: admin, or finance staff of that unit. */
    public void recordPublished(String unitCode) {
        if (caller.is(ADMIN)) {
            return;
        }
        if (caller.is(FINANCE)) {
            String refusal = financeRefusal(unitCode, "record the published scores of");
            if (refusal == null) {
                return;
            }
            throw forbidden(refusal);
        }
        throw forbidden("published scores are recorded by admin users or the unit's own finance staff (token roles "
                + caller.roles() + ")");
    }

    /** A county's ranking: admin and viewer, evaluators of that county; never finance. */
    public void countyRanking(String county) {
        if (caller.is(ADMIN) || caller.is(VIEWER)) {
            return;
        }
        if (caller.is(EVALUATOR)) {
            if (caller.county().orElse(null) == null || caller.county().orElse(null).isBlank()) {
                throw forbidden("an evaluator token needs a county claim to read a county's ranking");
            }
            if (caller.county().orElse(null).equals(county)) {
                return;
            }
            throw forbidden("evaluators may only read the ranking of their own county (token county "
                    + caller.county().orElse(null) + ", requested " + county + ")");
        }
        throw forbidden("a county ranking requires the role admin, viewer or evaluator (own county); finance users "
                + "see no county-wide ranking (token roles " + caller.roles() + ")");
    }

    /** Null when the finance user may act on the unit; decided from the token only. */
    private String financeRefusal(String unitCode, String verb) {
        String own = caller.unit().orElse(null);
        if (own == null || own.isBlank()) {
            return "a finance token needs a unit claim to " + verb + " a unit";
        }
        if (!own.equals(unitCode)) {
            return "finance users may only " + verb + " their own unit (token unit " + own + ", requested " + unitCode + ")";
        }
        return null;
    }

    /** Null when the unit-year is known to belong to the evaluator's county. */
    private String evaluatorRefusal(String unitCode, int year, String verb) {
        String own = caller.county().orElse(null);
        if (own == null || own.isBlank()) {
            return "an evaluator token needs a county claim to " + verb + " a unit";
        }
        Optional<String> county = countyOf(unitCode, year);
        if (county.isEmpty()) {
            return "evaluators may only " + verb + " units of their own county, and no budget data of unit " + unitCode
                    + " for " + year + " has arrived to show that it belongs to " + own;
        }
        if (!county.get().equals(own)) {
            return "evaluators may only " + verb + " units of their own county (token county " + own
                    + ", unit " + unitCode + " belongs to " + county.get() + ")";
        }
        return null;
    }

    /** The county of a unit-year as the last budget event stored it. */
    private Optional<String> countyOf(String unitCode, int year) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT county FROM budget_snapshot WHERE unit_code = ?1 "
                        + "AND fiscal_year = ?2 AND version > 0")
                .setParameter(1, unitCode).setParameter(2, year).getResultList();
        return rows.stream().findFirst();
    }

    private static ApiException forbidden(String detail) {
        return ApiException.forbidden(detail);
    }
}
