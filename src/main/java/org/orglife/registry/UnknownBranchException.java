package org.orglife.registry;

import org.orglife.errors.ApiProblem;

/** Asked for a branch the registry does not have, or one the user may not see. */
public class UnknownBranchException extends ApiProblem {

    public UnknownBranchException(String code) {
        super(404, "支部 " + code + " 不存在或无权查看");
    }
}
