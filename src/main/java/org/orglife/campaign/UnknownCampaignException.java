package org.orglife.campaign;

/** No campaign was launched for that year. */
public class UnknownCampaignException extends RuntimeException {

    public UnknownCampaignException(int year) {
        super(year + " 年度的组织生活会和民主评议党员工作尚未部署");
    }
}
