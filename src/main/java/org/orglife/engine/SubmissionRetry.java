package org.orglife.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A person's submission wins over background work. A form submitted or a task completed
 * ({@code POST …/task/{id}/submit-form} or {@code …/complete}) that loses a race to something the person
 * did not do (a job of the same instance, the overdue sweep, the campaign's bookkeeping) rolls back
 * whole and answers 409; it is tried again here, up to {@value #RETRIES} more times, and the person sees
 * only the outcome. A race lost to another person's submission of the same task is not retried: the task
 * is gone, and the 409 says so. Background work that loses instead is retried by the job executor.
 */
public class SubmissionRetry extends OncePerRequestFilter {

    static final int RETRIES = 3;
    /** Bodies beyond this are passed on once, unbuffered: no form of the year comes near it. */
    static final int MAX_BUFFERED_BODY = 8 * 1024 * 1024;
    private static final Pattern SUBMISSION = Pattern.compile(".*/task/([^/]+)/(submit-form|complete)/?");
    private static final Logger log = LoggerFactory.getLogger(SubmissionRetry.class);

    private final Supplier<ProcessEngine> engine;

    public SubmissionRetry(Supplier<ProcessEngine> engine) {
        this.engine = engine;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !SUBMISSION.matcher(QueryExpressionFilter.path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes(MAX_BUFFERED_BODY + 1);
        if (body.length > MAX_BUFFERED_BODY) {
            chain.doFilter(new ReplayedBody(request, new SequenceInputStream(new ByteArrayInputStream(body), in)),
                    response);
            return;
        }
        Matcher submission = SUBMISSION.matcher(QueryExpressionFilter.path(request));
        String taskId = submission.matches() ? submission.group(1) : null;
        for (int attempt = 0; ; attempt++) {
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            chain.doFilter(new ReplayedBody(request, body), answer);
            if (answer.getStatus() != HttpServletResponse.SC_CONFLICT || attempt == RETRIES || !stillOpen(taskId)) {
                answer.copyBodyToResponse();
                return;
            }
            log.info("提交任务 {} 时与后台处理冲突，已自动重试（第 {} 次）", taskId, attempt + 1);
            response.reset();
            pause(attempt);
        }
    }

    /** Still open after the lost race: the race was not lost to someone completing this very task. */
    private boolean stillOpen(String taskId) {
        ProcessEngine processEngine = engine.get();
        return taskId != null && AsSystem.call(processEngine.getIdentityService(),
                () -> processEngine.getTaskService().createTaskQuery().taskId(taskId).count() == 1);
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(25L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while retrying a submission", e);
        }
    }
}
