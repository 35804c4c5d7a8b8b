package org.orglife.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs engine calls that belong to the system, not to the person whose action triggered them (granting
 * a branch read access, evaluating the eligibility table), with the engine's authorization checks off
 * for their duration. Outside an engine command there is nothing to switch off.
 */
public final class AsSystem {

    public static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    public static <T> T call(Supplier<T> action) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null || !commandContext.isAuthorizationCheckEnabled()) {
            return action.get();
        }
        commandContext.disableAuthorizationCheck();
        try {
            return action.get();
        } finally {
            commandContext.enableAuthorizationCheck();
        }
    }

    /**
     * Outside an engine command (in a controller, say): runs the engine calls without the signed-in
     * person, whose authentication the request filter handed to the engine; restores it afterwards.
     */
    public static <T> T call(org.camunda.bpm.engine.IdentityService identities, Supplier<T> action) {
        var caller = identities.getCurrentAuthentication();
        identities.clearAuthentication();
        try {
            return call(action);
        } finally {
            if (caller != null) {
                identities.setAuthentication(caller);
            }
        }
    }

    private AsSystem() {
    }
}
