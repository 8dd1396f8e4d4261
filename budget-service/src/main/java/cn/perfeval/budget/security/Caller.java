package cn.perfeval.budget.security;

import cn.perfeval.platform.problem.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who is calling, and what the matrix of docs/security.md lets them do with a unit.
 *
 * <p>Role checks of a whole operation are {@code @RolesAllowed} on the resource methods (refused
 * before the body is read); the checks that depend on the unit are here, called by the resources
 * before the service looks anything up, so that a finance user of another unit learns nothing,
 * not even whether the unit exists.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final EntityManager em;

    public Caller(SecurityIdentity identity, EntityManager em) {
        this.identity = identity;
        this.em = em;
    }

    /** The user as the audit trail records it: {@code upn}, else {@code sub}, else the principal name. */
    public String actor() {
        Principal p = identity.getPrincipal();
        if (p instanceof JsonWebToken jwt) {
            if (jwt.getClaim("upn") != null) {
                return jwt.getClaim("upn").toString();
            }
            if (jwt.getSubject() != null) {
                return jwt.getSubject();
            }
        }
        return p == null || identity.isAnonymous() ? "anonymous" : p.getName();
    }

    /** The roles, sorted, for the audit trail. */
    public List<String> roles() {
        return List.copyOf(new TreeSet<>(identity.getRoles()));
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** Admin and viewer see every unit. */
    public boolean seesEverything() {
        return has(Roles.ADMIN) || has(Roles.VIEWER);
    }

    /** The {@code unit} claim of a finance user; 403 when it is missing. */
    public String ownUnit() {
        return claim("unit").orElseThrow(() -> forbidden("财政人员的令牌须带有 unit 声明（所属单位的代码）"));
    }

    /** The {@code county} claim of an evaluator; 403 when it is missing. */
    public String ownCounty() {
        return claim("county").orElseThrow(() -> forbidden("评价人员的令牌须带有 county 声明（所属县）"));
    }

    /** Read rule: admin and viewer always, finance its own unit, evaluator the units of its county. */
    public void requireRead(String unitCode) {
        if (seesEverything()) {
            return;
        }
        if (has(Roles.FINANCE)) {
            requireOwnUnit(unitCode, "读取");
            return;
        }
        if (has(Roles.EVALUATOR)) {
            String county = ownCounty();
            // a unit that does not exist has no county: refused like one of another county
            String unitCounty = countyOf(unitCode).orElse(null);
            if (!county.equals(unitCounty)) {
                throw forbidden("评价人员只能读取本县的单位（令牌中的县为 " + county
                        + "，所请求的单位为 " + unitCode + "）");
            }
            return;
        }
        throw forbidden("读取单位数据须有以下角色之一：管理员（admin）、查看者（viewer）、财政（finance）、评价人员（evaluator）");
    }

    /** Write rule for budget data: admin, or finance of this very unit. */
    public void requireBudgetWrite(String unitCode) {
        if (has(Roles.ADMIN)) {
            return;
        }
        if (has(Roles.FINANCE)) {
            requireOwnUnit(unitCode, "修改");
            return;
        }
        throw forbidden("修改预算数据须为管理员（admin）或财政（finance）");
    }

    private void requireOwnUnit(String unitCode, String verb) {
        String own = ownUnit();
        if (!own.equals(unitCode)) {
            throw forbidden("财政人员只能" + verb + "本单位的数据（令牌中的单位为 " + own
                    + "，所请求的单位为 " + unitCode + "）");
        }
    }

    private Optional<String> countyOf(String unitCode) {
        return em.createQuery("select u.county from Unit u where u.code = :code", String.class)
                .setParameter("code", unitCode).getResultStream().findFirst();
    }

    private Optional<String> claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object value = jwt.getClaim(name);
            if (value != null) {
                String s = value instanceof jakarta.json.JsonString js ? js.getString() : value.toString();
                if (!s.isBlank()) {
                    return Optional.of(s.strip());
                }
            }
        }
        return Optional.empty();
    }

    public static ApiException forbidden(String detail) {
        return ApiException.forbidden(detail);
    }
}
