package org.orglife.campaign;

import org.orglife.errors.ApiProblem;

/** A year is launched once. */
public class CampaignAlreadyLaunchedException extends ApiProblem {

    public CampaignAlreadyLaunchedException(String who, int year) {
        super(409, who + year + "年度的组织生活会和民主评议党员工作已经部署，不能重复部署");
    }
}
