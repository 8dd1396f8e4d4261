package cn.perfeval.budget.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Staff facts of a unit for one fiscal year (人); a null field is not recorded. */
@Embeddable
public class Staff {

    /** 编制数. */
    @Column(name = "staff_authorized_posts")
    public Integer authorizedPosts;
    /** 实有人数. */
    @Column(name = "staff_actual")
    public Integer actual;
    /** 在职人数. */
    @Column(name = "staff_in_service")
    public Integer inService;
    /** 行政人员. */
    @Column(name = "staff_administrative")
    public Integer administrative;
    /** 事业人员. */
    @Column(name = "staff_public_institution")
    public Integer publicInstitution;
    /** 非参公事业人员. */
    @Column(name = "staff_non_civil_service_institution")
    public Integer nonCivilServiceInstitution;
    /** 退休人员. */
    @Column(name = "staff_retired")
    public Integer retired;
    /** 遗属补助人员. */
    @Column(name = "staff_survivor_subsidy")
    public Integer survivorSubsidy;

    public boolean isEmpty() {
        return authorizedPosts == null && actual == null && inService == null && administrative == null
                && publicInstitution == null && nonCivilServiceInstitution == null && retired == null
                && survivorSubsidy == null;
    }
}
