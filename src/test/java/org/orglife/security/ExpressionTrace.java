package org.orglife.security;

import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * A bean an expression can call, leaving a trace when it does: {@code ${expressionTrace.leave()}}. The
 * expression tests send it in every way a request could carry it and then ask whether it was ever
 * evaluated.
 */
@Component("expressionTrace")
public class ExpressionTrace {

    private final AtomicInteger evaluations = new AtomicInteger();

    /** Called by an evaluated expression; a date, so that it fits a due-date condition. */
    public Date leave() {
        evaluations.incrementAndGet();
        return new Date();
    }

    public int evaluations() {
        return evaluations.get();
    }
}
