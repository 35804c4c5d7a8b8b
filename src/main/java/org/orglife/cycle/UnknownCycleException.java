package org.orglife.cycle;

/** No cycle of that branch and year. */
public class UnknownCycleException extends RuntimeException {

    public UnknownCycleException(String branchCode, int year) {
        super("支部 " + branchCode + " 没有 " + year + " 年度的组织生活会和民主评议记录");
    }
}
