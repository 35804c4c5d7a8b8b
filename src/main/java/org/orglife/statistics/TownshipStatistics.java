package org.orglife.statistics;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.orglife.cycle.RectificationProgress;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The township's statistics table of a year: one row per branch cycle, summed (SPEC §6). Beside each row as
 * the branch submitted it, how its rectification list stands in the follow-up (整改销号), counted when the
 * table is read: that changes for months after the row was submitted.
 */
@Repository
public class TownshipStatistics {

    /** The follow-up's columns, counted at the time of reading (key → Chinese header), in the table's order. */
    public static final Map<String, String> FOLLOW_UP_COLUMNS = followUpColumns();

    static final String ROWS = """
            select b.code, b.name, b.kind, c.filed_on, s.*,
              case when sc.branch_code is null then false else true end as spot_checked,
              f.followed_items, f.confirmed_items, f.overdue_items, f.reopened_items
            from review_cycle c
            join party_branch b on b.code = c.branch_code
            left join statistics_row s on s.cycle_id = c.id
            left join spot_check sc on sc.review_year = c.review_year and sc.branch_code = c.branch_code
            left join (%s) f on f.cycle_id = c.id
            where c.review_year = :year and b.township_code = :township
            order by b.code""".formatted(RectificationProgress.countsOfYear());

    /** Rows fetched at a time by {@link #eachRow}. */
    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final TransactionTemplate readOnly;

    TownshipStatistics(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    private static Map<String, String> followUpColumns() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("followedItems", "整改销号事项");
        c.put("confirmedItems", "已销号");
        c.put("overdueItems", "逾期未销号");
        c.put("reopenedItems", "整改不到位退回");
        return c;
    }

    /**
     * Streams the rows from one query, {@value #FETCH_SIZE} at a time: PostgreSQL sends a result in parts
     * only inside a transaction, otherwise its driver holds all 100,000 rows of a province at once. A cycle
     * without a submitted row has nulls in the statistics columns; one whose list nothing follows, nulls in
     * the follow-up's columns, which count by {@code today}.
     */
    void eachRow(int year, String township, LocalDate today, RowCallbackHandler handler) {
        readOnly.executeWithoutResult(status -> streaming.sql(ROWS).param("year", year).param("township", township)
                .param("today", Date.valueOf(today)).query(handler));
    }

    public int submittedCount(String township, int year) {
        return jdbc.sql("""
                select count(*) from statistics_row s join review_cycle c on c.id = s.cycle_id
                join party_branch b on b.code = c.branch_code
                where c.review_year = ? and b.township_code = ?""")
                .params(year, township).query(Integer.class).single();
    }

    /** The township's sums of the submitted rows, by column key of {@link BranchStatistics#COLUMNS}, plus branch counts. */
    public Map<String, Long> totals(String township, int year) {
        StringBuilder sql = new StringBuilder("select count(c.id) as branches, "
                + "sum(case when s.meeting_held then 1 else 0 end) as held");
        BranchStatistics.COLUMNS.keySet().forEach(key -> sql.append(", sum(s.").append(snake(key)).append(") as ")
                .append(snake(key)));
        sql.append(" from review_cycle c join party_branch b on b.code = c.branch_code"
                + " left join statistics_row s on s.cycle_id = c.id where c.review_year = ? and b.township_code = ?");
        Map<String, Object> row = jdbc.sql(sql.toString()).params(year, township).query().singleRow();
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("branches", number(row, "branches"));
        totals.put("held", number(row, "held"));
        BranchStatistics.COLUMNS.keySet().forEach(key -> totals.put(key, number(row, snake(key))));
        return totals;
    }

    /** Column names come back upper-case from H2 and lower-case from PostgreSQL; sums over no rows are null. */
    private static long number(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue() == null ? 0 : ((Number) entry.getValue()).longValue();
            }
        }
        return 0;
    }

    static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase();
    }
}
