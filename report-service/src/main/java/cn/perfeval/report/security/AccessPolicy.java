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
                refusal = "财务人员的令牌没有所属单位（unit），不能读取任何单位";
            } else if (unit.get().equals(unitCode)) {
                return;
            } else {
                refusal = "财务人员只能读取本单位（令牌所属单位" + unit.get()
                        + "，请求的单位" + unitCode + "）";
            }
        }
        if (caller.is(Caller.EVALUATOR)) {
            Optional<String> county = caller.county();
            if (county.isEmpty()) {
                refusal = "评价人员的令牌没有所属县（county），不能读取任何单位";
            } else {
                Optional<String> unitCounty = readModel.county(unitCode, year);
                if (unitCounty.isPresent() && unitCounty.get().equals(county.get())) {
                    return;
                }
                refusal = "评价人员只能读取本县的单位（令牌所属县" + county.get() + "，单位"
                        + unitCode + unitCounty.map(c -> "属于" + c).orElse("所属的县本服务尚不知道")
                        + "）";
            }
        }
        throw ApiException.forbidden(refusal != null ? refusal
                : "读取单位" + unitCode + "须为管理员或查阅人员，"
                + "或该单位的财务人员，或其所属县的评价人员");
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
                    ? "财务人员的令牌没有所属单位（unit），不能保存任何文字材料"
                    : "财务人员只能保存本单位的文字材料（令牌所属单位" + unit.get()
                    + "，请求的单位" + unitCode + "）");
        }
        throw ApiException.forbidden("保存单位" + unitCode
                + "的文字材料须为管理员或该单位的财务人员");
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
                    ? "评价人员的令牌没有所属县（county），不能读取任何县级汇总"
                    : "评价人员只能读取本县的汇总（令牌所属县" + own.get()
                    + "，请求的县" + county + "）");
        }
        if (caller.is(Caller.FINANCE)) {
            throw ApiException.forbidden("财务人员不能读取县级汇总，只能读取本单位的报告");
        }
        throw ApiException.forbidden("读取" + county
                + "的汇总须为管理员或查阅人员，或该县的评价人员");
    }

    /** A county's monitoring settings and monitoring (JSON and documents): read as a county summary. */
    public void readCountyMonitoring(String county) {
        readCountySummary(county);
    }

    /** Saving a county's monitoring settings: admin only. */
    public void writeMonitoringSettings(String county) {
        if (caller.is(Caller.ADMIN)) {
            return;
        }
        throw ApiException.forbidden("保存" + county + "的绩效运行监控设置须为管理员");
    }
}
