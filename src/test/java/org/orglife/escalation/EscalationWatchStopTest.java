package org.orglife.escalation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;

/**
 * A step done at the moment its escalation's job moves the escalation past the watch: the correlation
 * finds the watch's subscription, the job commits, and the correlation's second read finds none. The
 * step's completion must go through (nothing is left to stop), unless the watch is really still there.
 * The race cannot be timed in a test, so the engine's answers are given here as it gives them then.
 */
class EscalationWatchStopTest {

    static final String TASK = "task-1";
    final RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    final EscalationWatch watch = new EscalationWatch(runtime, null, null);

    void correlationFailsWith(RuntimeException failure) {
        when(runtime.createMessageCorrelation(EscalationWatch.STEP_COMPLETED).processInstanceBusinessKey(TASK)
                .correlateAllWithResult()).thenThrow(failure);
    }

    void watchStillThere(boolean there) {
        when(runtime.createExecutionQuery().processDefinitionKey(EscalationWatch.PROCESS_KEY)
                .processInstanceBusinessKey(TASK).messageEventSubscriptionName(EscalationWatch.STEP_COMPLETED).count())
                .thenReturn(there ? 1L : 0L);
    }

    @Test
    void aWatchThatEndedWhileTheCorrelationReadItIsNothingToStop() {
        correlationFailsWith(new ProcessEngineException("Execution with id 'e-1' does not have a subscription to a "
                + "message event with name 'stepCompleted': eventSubscriptions is empty"));
        watchStillThere(false);
        assertThatCode(() -> watch.stop(TASK)).doesNotThrowAnyException();
    }

    @Test
    void aFailureWhileTheWatchIsStillThereIsNotSwallowed() {
        correlationFailsWith(new ProcessEngineException("something else went wrong"));
        watchStillThere(true);
        assertThatThrownBy(() -> watch.stop(TASK)).hasMessage("something else went wrong");
    }

    @Test
    void aConflictStaysAConflict() {
        correlationFailsWith(new OptimisticLockingException("updated by another transaction concurrently"));
        watchStillThere(false);
        assertThatThrownBy(() -> watch.stop(TASK)).isInstanceOf(OptimisticLockingException.class);
    }
}
