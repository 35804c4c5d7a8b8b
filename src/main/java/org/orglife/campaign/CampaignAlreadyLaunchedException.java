package org.orglife.campaign;

/** A year is launched once. */
public class CampaignAlreadyLaunchedException extends RuntimeException {

    public CampaignAlreadyLaunchedException(int year) {
        super(year + " 年度的组织生活会和民主评议党员工作已经部署，不能重复部署");
    }
}
