package org.orglife.engine;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Who runs an engine command: the application itself, an administrator, or another signed-in person. */
final class EngineCaller {

    private EngineCaller() {
    }

    /**
     * The application itself: nobody is signed in (start-up, the job executor, our own services), or
     * one of its steps switched the authorization checks off for work that is the system's
     * ({@code AsSystem}).
     */
    static boolean isApplication(CommandContext context) {
        return context.getAuthentication() == null || !context.isAuthorizationCheckEnabled();
    }

    /** A member of an administrators' group ({@code camunda-admin}), or an administrator user. */
    static boolean isAdministrator(CommandContext context) {
        Authentication authentication = context.getAuthentication();
        return authentication != null && context.getAuthorizationManager().isCamundaAdmin(authentication);
    }

    /** Reads every branch's cycles: the township's groups, whose grant to read is on every instance. */
    static boolean readsEveryInstance(CommandContext context) {
        return isAdministrator(context) || context.getAuthorizationManager().isAuthorized(Permissions.READ,
                Resources.PROCESS_INSTANCE, Authorization.ANY);
    }
}
