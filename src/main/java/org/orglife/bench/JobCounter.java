package org.orglife.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Counts the jobs the job executor ran to the end, committed, in the bench. The engine's job log of
 * successful jobs would count them too, but the application's history level keeps only failures.
 * The interceptor is the outermost of the engine's commands, so a job counts once its transaction
 * has committed; a job that failed or lost a race does not.
 */
@Component
@Profile("bench")
class JobCounter extends AbstractProcessEnginePlugin {

    private final LongAdder succeeded = new LongAdder();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                T result = next.execute(command);
                if (command instanceof ExecuteJobsCmd) {
                    succeeded.increment();
                }
                return result;
            }
        });
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    long succeeded() {
        return succeeded.sum();
    }
}
