package org.orglife.campaign;

import org.orglife.errors.ApiProblem;

/** No campaign was launched for that year. */
public class UnknownCampaignException extends ApiProblem {

    public UnknownCampaignException(String who, int year) {
        super(404, who + year + "年度的组织生活会和民主评议党员工作尚未部署");
    }
}
