package org.orglife.cycle;

import org.orglife.errors.ApiProblem;

/** No cycle of that branch and year. */
public class UnknownCycleException extends ApiProblem {

    public UnknownCycleException(String branchCode, int year) {
        super(404, "支部 " + branchCode + " 没有 " + year + " 年度的组织生活会和民主评议记录");
    }
}
