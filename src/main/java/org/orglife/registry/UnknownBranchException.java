package org.orglife.registry;

/** Asked for a branch the registry does not have, or one the user may not see. */
public class UnknownBranchException extends RuntimeException {

    public UnknownBranchException(String code) {
        super("支部 " + code + " 不存在或无权查看");
    }
}
