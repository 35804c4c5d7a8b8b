package org.orglife.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.query.Query;

/**
 * Engine queries read page by page. With {@code queryMaxResultsLimit} set, the engine refuses an
 * unbounded {@code list()} whenever a person is signed in, which is the case for everything a
 * request or a task completion triggers; our own reads therefore never ask for more than a page.
 */
public final class EngineQueries {

    /** Well below the configured {@code queryMaxResultsLimit} (2000). */
    public static final int PAGE = 500;

    public static <T> List<T> all(Query<?, T> query) {
        List<T> all = new ArrayList<>();
        for (int first = 0;; first += PAGE) {
            List<T> page = query.listPage(first, PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }

    /** The first result, or null. */
    public static <T> T first(Query<?, T> query) {
        List<T> page = query.listPage(0, 1);
        return page.isEmpty() ? null : page.get(0);
    }

    private EngineQueries() {
    }
}
