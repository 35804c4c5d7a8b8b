package org.orglife.campaign;

import java.util.List;

/** A launch request with bad values; nothing was started. */
public class CampaignRejectedException extends RuntimeException {

    private final transient List<String> problems;

    public CampaignRejectedException(List<String> problems) {
        super("年度工作部署有误，未启动：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
