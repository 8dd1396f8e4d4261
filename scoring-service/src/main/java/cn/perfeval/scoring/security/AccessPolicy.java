package cn.perfeval.scoring.security;

import cn.perfeval.platform.security.Caller;
import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.RoleNames;
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
            throw forbidden("须具有管理员（admin）、财政（finance）、评价人员（evaluator）或查看者（viewer）之一的角色" + tokenRoles());
        }
    }

    /** Indicator systems, assignments and the audit trail: admin only. */
    public void admin(String what) {
        if (!caller.is(ADMIN)) {
            throw forbidden("只有管理员（admin）可以" + what + tokenRoles());
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
            refusal = financeRefusal(unitCode, "查看");
            if (refusal == null) {
                return;
            }
        }
        if (caller.is(EVALUATOR)) {
            String evaluatorRefusal = evaluatorRefusal(unitCode, year, "查看");
            if (evaluatorRefusal == null) {
                return;
            }
            refusal = refusal == null ? evaluatorRefusal : refusal + "；" + evaluatorRefusal;
        }
        throw forbidden(refusal != null ? refusal
                : "查看单位的得分须为管理员（admin）、查看者（viewer）、本单位的财政人员（finance）或本县的评价人员（evaluator）" + tokenRoles());
    }

    /**
     * Writing a self-score judgement: admin, an evaluator of the unit's county, or finance staff of
     * that unit (the unit evaluates itself).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void judge(String unitCode, int year) {
        if (caller.is(ADMIN)) {
            return;
        }
        String refusal = null;
        if (caller.is(FINANCE)) {
            refusal = financeRefusal(unitCode, "评分");
            if (refusal == null) {
                return;
            }
        }
        if (caller.is(EVALUATOR)) {
            String evaluatorRefusal = evaluatorRefusal(unitCode, year, "评分");
            if (evaluatorRefusal == null) {
                return;
            }
            refusal = refusal == null ? evaluatorRefusal : refusal + "；" + evaluatorRefusal;
        }
        throw forbidden(refusal != null ? refusal
                : "评分由管理员（admin）、单位所在县的评价人员（evaluator）或本单位的财政人员（finance）记录"
                + tokenRoles());
    }

    /**
     * Writing a review judgement (县级复核): admin, or an evaluator of the unit's county. Never finance
     * staff, not even of the unit: the review is the county's, apart from the unit's self-score.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void review(String unitCode, int year) {
        if (caller.is(ADMIN)) {
            return;
        }
        if (caller.is(EVALUATOR)) {
            String refusal = evaluatorRefusal(unitCode, year, "复核");
            if (refusal == null) {
                return;
            }
            throw forbidden(refusal);
        }
        throw forbidden("复核评分由管理员（admin）或单位所在县的评价人员（evaluator）记录；单位的财政人员和查看人员不能复核"
                + tokenRoles());
    }

    /** Recording a unit's published scores: admin, or finance staff of that unit. */
    public void recordPublished(String unitCode) {
        if (caller.is(ADMIN)) {
            return;
        }
        if (caller.is(FINANCE)) {
            String refusal = financeRefusal(unitCode, "记录公布得分");
            if (refusal == null) {
                return;
            }
            throw forbidden(refusal);
        }
        throw forbidden("公布得分由管理员（admin）或本单位的财政人员（finance）记录" + tokenRoles());
    }

    /** A county's ranking: admin and viewer, evaluators of that county; never finance. */
    public void countyRanking(String county) {
        if (caller.is(ADMIN) || caller.is(VIEWER)) {
            return;
        }
        if (caller.is(EVALUATOR)) {
            if (caller.county().orElse(null) == null || caller.county().orElse(null).isBlank()) {
                throw forbidden("评价人员的令牌须有 county 声明（所在县）才能查看县的排名");
            }
            if (caller.county().orElse(null).equals(county)) {
                return;
            }
            throw forbidden("评价人员只能查看本县的排名（令牌的县为 " + caller.county().orElse(null) + "，请求的是 " + county + "）");
        }
        throw forbidden("查看县的排名须为管理员（admin）、查看者（viewer）或本县的评价人员（evaluator）；财政人员不查看全县排名" + tokenRoles());
    }

    /** "（令牌的角色为：查看者（viewer））", the end of a refusal that names no unit or county. */
    private String tokenRoles() {
        return "（" + RoleNames.ofToken(caller.roles()) + "）";
    }

    /** Null when the finance user may act on the unit; decided from the token only. */
    private String financeRefusal(String unitCode, String verb) {
        String own = caller.unit().orElse(null);
        if (own == null || own.isBlank()) {
            return "财政人员的令牌须有 unit 声明（所在单位）才能" + verb + "单位的数据";
        }
        if (!own.equals(unitCode)) {
            return "财政人员只能" + verb + "本单位的数据（令牌的单位为 " + own + "，请求的是 " + unitCode + "）";
        }
        return null;
    }

    /** Null when the unit-year is known to belong to the evaluator's county. */
    private String evaluatorRefusal(String unitCode, int year, String verb) {
        String own = caller.county().orElse(null);
        if (own == null || own.isBlank()) {
            return "评价人员的令牌须有 county 声明（所在县）才能" + verb + "单位";
        }
        Optional<String> county = countyOf(unitCode, year);
        if (county.isEmpty()) {
            return "评价人员只能" + verb + "本县的单位，而单位 " + unitCode + " " + year + " 年度尚无预算数据到达，"
                    + "无法确认其属于" + own;
        }
        if (!county.get().equals(own)) {
            return "评价人员只能" + verb + "本县的单位（令牌的县为 " + own + "，单位 " + unitCode + " 属于" + county.get() + "）";
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
