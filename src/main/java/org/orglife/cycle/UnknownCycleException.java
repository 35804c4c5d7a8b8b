package org.orglife.cycle;

import org.orglife.errors.ApiProblem;

/** No cycle of that branch and year. */
public class UnknownCycleException extends ApiProblem {

    public UnknownCycleException(String branchCode, int year) {
        super(404, "支部 " + branchCode + " 没有 " + year + " 年度的组织生活会和民主评议记录");
    }

    /** By the cycle's id, {@code {year}-{branchCode}}, as links name it. */
    public UnknownCycleException(String cycleId) {
        super(404, "没有找到年度工作记录 " + (cycleId.length() > 40 ? cycleId.substring(0, 40) + "…" : cycleId));
    }
}
