package org.orglife.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs engine calls that belong to the system, not to the person whose action triggered them (granting
 * a branch read access, evaluating the eligibility table, telling another township's cycle of a member's
 * opinion), with the engine's authorization and tenant checks off for their duration. Outside an engine
 * command there is nothing to switch off: there, {@link #call(org.camunda.bpm.engine.IdentityService, Supplier)}
 * runs the calls without the signed-in person.
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
        if (commandContext == null) {
            return action.get();
        }
        boolean authorization = commandContext.isAuthorizationCheckEnabled();
        boolean tenant = commandContext.isTenantCheckEnabled();
        commandContext.disableAuthorizationCheck();
        commandContext.disableTenantCheck();
        try {
            return action.get();
        } finally {
            if (authorization) {
                commandContext.enableAuthorizationCheck();
            }
            if (tenant) {
                commandContext.enableTenantCheck();
            }
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
