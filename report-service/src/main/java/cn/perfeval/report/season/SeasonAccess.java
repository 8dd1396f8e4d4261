package cn.perfeval.report.season;

import cn.perfeval.platform.problem.ApiException;
import cn.perfeval.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * Who may move a task (docs/season.md): the unit's finance staff start and submit, the evaluator of the unit's
 * county reviews, returns and approves (the administrator does not: the county's evaluator reviews), the
 * administrator publishes. Reading follows the report's rules (AccessPolicy).
 */
@RequestScoped
public class SeasonAccess {

    private final Caller caller;

    public SeasonAccess(Caller caller) {
        this.caller = caller;
    }

    /** Opening a season: admin only. */
    public void createSeason(String county) {
        if (!caller.is(Caller.ADMIN)) {
            throw ApiException.forbidden("开启" + county + "的自评季须为管理员");
        }
    }

    /** Changing a season's deadline or threshold: admin only, as opening it. */
    public void changeSeason(String county) {
        if (!caller.is(Caller.ADMIN)) {
            throw ApiException.forbidden("修改" + county + "自评季的截止日期和阈值须为管理员（admin）");
        }
    }

    /** Whether this caller may take the action on a task of this unit and county (the state aside). */
    public boolean may(TaskAction action, String unitCode, String county) {
        return refusal(action, unitCode, county) == null;
    }

    /** 403 naming who may, when this caller may not take the action. */
    public void requireMay(TaskAction action, String unitCode, String county) {
        String refusal = refusal(action, unitCode, county);
        if (refusal != null) {
            throw ApiException.forbidden(refusal);
        }
    }

    /** The role under which this caller takes the action (for the audit and the event). */
    public String role(TaskAction action) {
        return switch (action) {
            case START, SUBMIT -> Caller.FINANCE;
            case REVIEW, RETURN, APPROVE -> Caller.EVALUATOR;
            case PUBLISH -> Caller.ADMIN;
        };
    }

    private String refusal(TaskAction action, String unitCode, String county) {
        String what = "“" + action.label() + "”";
        switch (action) {
            case START, SUBMIT -> {
                Optional<String> unit = caller.is(Caller.FINANCE) ? caller.unit() : Optional.empty();
                if (unit.isPresent() && unit.get().equals(unitCode)) {
                    return null;
                }
                return caller.is(Caller.FINANCE)
                        ? what + "只能由本单位的财务人员操作（令牌所属单位" + unit.orElse("未给出") + "，任务的单位" + unitCode + "）"
                        : what + "须由单位" + unitCode + "的财务人员操作";
            }
            case REVIEW, RETURN, APPROVE -> {
                Optional<String> own = caller.is(Caller.EVALUATOR) ? caller.county() : Optional.empty();
                if (own.isPresent() && own.get().equals(county)) {
                    return null;
                }
                return caller.is(Caller.EVALUATOR)
                        ? what + "只能由本县的评价人员操作（令牌所属县" + own.orElse("未给出") + "，任务属于" + county + "）"
                        : what + "须由" + county + "的评价人员操作（管理员不审核，由县级评价人员审核）";
            }
            case PUBLISH -> {
                return caller.is(Caller.ADMIN) ? null : what + "须由管理员操作";
            }
            default -> throw new IllegalStateException();
        }
    }
}
