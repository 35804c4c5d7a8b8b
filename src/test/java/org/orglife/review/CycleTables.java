package org.orglife.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Row counts of every table a cycle writes to, to show that a refused submission wrote nothing. */
public final class CycleTables {

    /** The tables of db/migration/V2__review_cycle.sql. */
    public static final List<String> ALL = List.of("review_cycle", "review_decision", "work_plan", "study_session",
            "study_absence", "opinion", "heart_talks", "hearing", "problem", "problem_examination", "meeting",
            "meeting_attendance", "appraisal_tally", "liaison_comment", "rating", "excellent_exception",
            "floating_opinion", "rectification_item", "commitment", "publicity_feedback", "disposition",
            "statistics_row");

    public static Map<String, Integer> count(JdbcClient jdbc) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ALL.forEach(table -> counts.put(table, count(jdbc, table)));
        return counts;
    }

    public static int count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private CycleTables() {
    }
}
