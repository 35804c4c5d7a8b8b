package org.orglife.engine;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's time and the person it works for, for the features: the engine's clock (which the tests
 * set, so that timers, due dates and our records agree) and who is signed in to the command running now.
 */
public final class EngineContext {

    /** How our records name the application when it acts (a batch, a timer, the demo). */
    public static final String SYSTEM = "system";

    private EngineContext() {
    }

    /** Now, by the engine's clock. */
    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Now, by the engine's clock, as a {@link Date} for the engine's own APIs and JDBC. */
    public static Date currentTime() {
        return ClockUtil.getCurrentTime();
    }

    /**
     * Sets the engine's clock to a past moment, for work that is to look as if it had been done then (the
     * demo's history: the steps it moves ahead are done on time); {@link #clockBackToNow()} puts it right.
     */
    public static void backdateTo(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
    }

    /** The engine's clock back to the real time. */
    public static void clockBackToNow() {
        ClockUtil.reset();
    }

    /** Who is signed in to the engine command running now; null outside one, or for the application. */
    public static String signedInUser() {
        CommandContext command = Context.getCommandContext();
        return command == null ? null : command.getAuthenticatedUserId();
    }

    /** Who acts, as our records name them: the signed-in person, or {@value #SYSTEM} for the application. */
    public static String actor() {
        String user = signedInUser();
        return user == null ? SYSTEM : user;
    }
}
