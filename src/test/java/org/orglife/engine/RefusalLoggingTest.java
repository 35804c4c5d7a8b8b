package org.orglife.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.orglife.cycle.ReviewCycles;
import org.orglife.form.SubmissionRejectedException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

/** What the engine logs when a command fails: a person's refused submission is no error, a real failure is. */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@ExtendWith(OutputCaptureExtension.class)
class RefusalLoggingTest {

    static final String CLOSING_FAILED = "ENGINE-16004 Exception while closing command context";

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;

    @Test
    void aRefusedSubmissionIsNotLoggedAsAnError(CapturedOutput output) {
        reviewCycles.start("DDG-08", 2057, Map.of());
        Task plan = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("2057-DDG-08")
                .singleResult();

        assertThatThrownBy(() -> engine.getFormService().submitTaskForm(plan.getId(), Map.of("venue", "党员活动室")))
                .hasRootCauseInstanceOf(SubmissionRejectedException.class);

        assertThat(output.getAll()).doesNotContain(CLOSING_FAILED).doesNotContain("SubmissionRejectedException");
    }

    @Test
    void aLostRaceInsideAListenerIsNotLoggedAsAnErrorEither(CapturedOutput output) {
        failInsideAListener(new OptimisticLockingException("任务 42 刚被他人办理，本次提交未保存"));

        assertThat(output.getAll()).doesNotContain(CLOSING_FAILED);
    }

    @Test
    void aRealFailureIsStillLoggedAsAnErrorWithItsStackTrace(CapturedOutput output) {
        failInsideAListener(new IllegalStateException("no cycle 2057-DDG-99"));

        assertThat(output.getAll()).contains(CLOSING_FAILED).contains("ERROR")
                .contains("java.lang.IllegalStateException: no cycle 2057-DDG-99").contains("\tat ");
    }

    @Test
    void refusalsAndLostRacesAreFoundAnywhereAmongTheCausesAndNothingElse() {
        assertThat(EngineRestErrors.isRefusalOrLostRace(new ProcessEngineException("ENGINE-03051",
                new ProcessEngineException("listener", new SubmissionRejectedException(List.of("请填写「会议地点」"))))))
                .isTrue();
        assertThat(EngineRestErrors.isRefusalOrLostRace(
                new RuntimeException(new org.springframework.dao.DuplicateKeyException("work_plan")))).isTrue();
        assertThat(EngineRestErrors.isRefusalOrLostRace(
                new NullValueException("Cannot find task with id 42: task is null"))).isTrue();
        assertThat(EngineRestErrors.isRefusalOrLostRace(new ProcessEngineException("boom",
                new IllegalStateException("no cycle")))).isFalse();
        assertThat(EngineRestErrors.isRefusalOrLostRace(new NullValueException("execution is null"))).isFalse();
    }

    /** Runs a command that fails as one does when a task listener throws: wrapped by the engine. */
    private void failInsideAListener(Exception cause) {
        Command<Void> command = context -> {
            throw new ProcessEngineException("Exception while invoking TaskListener", cause);
        };
        assertThatThrownBy(() -> ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(command)).hasCause(cause);
    }
}
