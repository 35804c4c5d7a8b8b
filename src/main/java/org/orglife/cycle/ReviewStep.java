package org.orglife.cycle;

import java.util.Map;

import org.orglife.form.FormData;
import org.orglife.form.SubmissionRejectedException;

/**
 * One user task of the cycle: what its form shows when it is opened, and what happens to a
 * submission when it is completed (check every rule, then write to the cycle tables, then set the
 * decisions the process routes on). Implementations are Spring beans found by task id.
 */
public interface ReviewStep {

    /** The user task id this step serves (the contract of SPEC §3). */
    String taskId();

    /** The form's values when it is opened: the fields it binds that have something to show. */
    Map<String, Object> prefill(StepContext context);

    /** Checks the submission (throwing {@link SubmissionRejectedException} with every problem), then records it. */
    void complete(StepContext context, FormData form);
}
