package cn.perfeval.report.api;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.problem.ProblemDetail;
import cn.perfeval.platform.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * A {@code ?system=} that names no score this service holds is refused (404 naming {@code system}) instead of
 * answering a report or summary without scores as if the system existed (issue #13: {@code ?system=nope} was 200).
 */
@ApplicationScoped
public class SystemScores {

    private final EntityManager em;

    public SystemScores(EntityManager em) {
        this.em = em;
    }

    /** Refuses a system under which the unit-year has no score here. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireForUnit(String unitCode, int year, String system) {
        if (system == null || system.isEmpty()) {
            return;
        }
        List<?> found = em.createNativeQuery("SELECT 1 FROM score_view WHERE unit_code = ?1 AND fiscal_year = ?2 AND system_code = ?3")
                .setParameter(1, unitCode).setParameter(2, year).setParameter(3, system).setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            throw refusal("本服务没有单位" + unitCode + "在" + year + "年度按指标体系 " + system + " 计的得分；不给出 system 时使用该县指定的指标体系");
        }
    }

    /** Refuses a system under which no unit of the county-year has a score here. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireForCounty(String county, int year, String system) {
        if (system == null || system.isEmpty()) {
            return;
        }
        List<?> found = em.createNativeQuery("SELECT 1 FROM score_view s JOIN budget_view b ON b.unit_code = s.unit_code "
                        + "AND b.fiscal_year = s.fiscal_year WHERE b.county = ?1 AND s.fiscal_year = ?2 AND s.system_code = ?3")
                .setParameter(1, county).setParameter(2, year).setParameter(3, system).setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            throw refusal("本服务没有" + county + year + "年度任何单位按指标体系 " + system + " 计的得分；不给出 system 时每个单位使用其指定的指标体系");
        }
    }

    private static ApiException refusal(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail, List.of(new ProblemDetail.FieldError("system", detail, null)));
    }
}
