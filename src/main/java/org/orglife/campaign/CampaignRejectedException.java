package org.orglife.campaign;

import java.util.List;

import org.orglife.errors.ApiProblem;

/** A launch request with bad values; nothing was started. */
public class CampaignRejectedException extends ApiProblem {

    public CampaignRejectedException(List<String> problems) {
        super(400, "年度工作部署有误，未启动", problems);
    }

    public List<String> problems() {
        return details();
    }
}
