package org.orglife.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * A refused submission or a lost race (a conflict, or a task someone else completed first) is a
 * person's everyday lot, answered to them as 400, 409 or 404 ({@link EngineRestErrors}), not a system
 * error: the engine logs it at DEBUG, as it does its own optimistic-locking and bad-request
 * exceptions, instead of {@code ENGINE-16004} at ERROR with a stack trace. The engine looks at the
 * outermost exception only, and a task listener's is always wrapped twice ({@code ENGINE-03051},
 * "Exception while invoking TaskListener"), so this looks through the causes. What a signed-in person's
 * request got wrong (a missing value, an id that names nothing) is logged at DEBUG too. Every other
 * failure, and every failure of the application's own work (the job executor's), is still logged at ERROR.
 */
@Component
class RefusalLogging extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandContextFactory factory = new CommandContextFactory() {
            @Override
            public CommandContext createCommandContext() {
                return new QuietAboutRefusals(processEngineConfiguration);
            }
        };
        factory.setProcessEngineConfiguration(configuration);
        configuration.setCommandContextFactory(factory);
    }

    private static final class QuietAboutRefusals extends CommandContext {

        QuietAboutRefusals(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        /** A person's mistake is theirs to be told of; the application's own failures stay errors. */
        @Override
        protected boolean shouldLogFine(Throwable exception) {
            return super.shouldLogFine(exception) || EngineRestErrors.isRefusalOrLostRace(exception)
                    || (getAuthentication() != null && EngineRestErrors.isRequestMistake(exception));
        }
    }
}
