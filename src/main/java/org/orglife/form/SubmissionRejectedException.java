package org.orglife.form;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task submission broke a rule. Thrown from the task's complete listener, so the engine rolls the
 * whole completion back (nothing is written) and Tasklist or the REST caller shows the message.
 */
public class SubmissionRejectedException extends ProcessEngineException {

    private final transient List<String> problems;

    public SubmissionRejectedException(List<String> problems) {
        super("提交未通过校验，未保存：" + String.join("；", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
