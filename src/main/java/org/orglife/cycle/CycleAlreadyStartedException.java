package org.orglife.cycle;

import org.orglife.errors.ApiProblem;

/** The branch's cycle of that year exists already: a year is run once per branch. */
public class CycleAlreadyStartedException extends ApiProblem {

    public CycleAlreadyStartedException(String cycleId) {
        super(409, "该支部本年度的组织生活会和民主评议党员工作已经启动（" + cycleId + "），不能重复启动");
    }
}
