package org.orglife.registry;

import org.orglife.errors.ApiProblem;

/** No such township, or not one the person works in: answered alike, so that nobody learns what others have. */
public class UnknownTownshipException extends ApiProblem {

    public UnknownTownshipException(String code) {
        super(404, "没有编号为 " + code + " 的乡镇，或无权查看");
    }
}
