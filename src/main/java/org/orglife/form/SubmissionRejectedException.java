package org.orglife.form;

import java.util.List;

import org.orglife.errors.ApiProblem;

/**
 * A task submission broke a rule. Thrown from the task's complete listener, so the engine rolls the
 * whole completion back (nothing is written) and Tasklist or the REST caller shows the message, 400.
 */
public class SubmissionRejectedException extends ApiProblem {

    public SubmissionRejectedException(List<String> problems) {
        super(400, "提交未通过校验，未保存", problems);
    }

    public List<String> problems() {
        return details();
    }
}
