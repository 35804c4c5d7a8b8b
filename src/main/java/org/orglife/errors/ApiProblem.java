package org.orglife.errors;

import java.util.List;

/**
 * What a request got wrong or asked for in vain, said to the person in Chinese: the HTTP status it is
 * answered with, a sentence, and where there are several problems, each of them. Every feature's
 * refusal extends this, so that the answers ({@link ApiExceptionHandler} for {@code /api}, the engine
 * REST API's mappers for a refused form) know none of the features.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String summary;
    private final transient List<String> details;

    /**
     * @param status the HTTP status, 4xx
     * @param summary the sentence shown
     * @param details each problem, or none
     */
    public ApiProblem(int status, String summary, List<String> details) {
        super(details.isEmpty() ? summary : summary + "：" + String.join("；", details));
        this.status = status;
        this.summary = summary;
        this.details = List.copyOf(details);
    }

    public ApiProblem(int status, String summary) {
        this(status, summary, List.of());
    }

    public int status() {
        return status;
    }

    /** The sentence without the details, for answers that list the details apart. */
    public String summary() {
        return summary;
    }

    public List<String> details() {
        return details;
    }
}
