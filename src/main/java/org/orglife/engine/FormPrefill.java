package org.orglife.engine;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a task's form shows when it is opened, computed from the records at that moment rather than
 * stored on the task (see {@link TaskForms}). Implemented by the listeners that own the tasks.
 */
public interface FormPrefill {

    /** The form's values for this task (fields with nothing to show left out), or null if the task is not one of ours. */
    Map<String, Object> valuesFor(DelegateTask task);
}
