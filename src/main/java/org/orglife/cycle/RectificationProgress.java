package org.orglife.cycle;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How a cycle's rectification items stand in their follow-up (整改销号), and how its members kept their
 * commitments (践诺): read by the follow-up's own pages, by the next year's forms (上年度整改情况, the
 * secretary's 述职), by the statistics and the dashboard. Items of a list filed before the follow-up
 * existed are not followed and count as planned only.
 */
@Repository
public class RectificationProgress {

    private final JdbcClient jdbc;

    RectificationProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One item with its follow-up; {@code state} is null for an item nothing follows. */
    public record Item(int seq, String problem, String measure, LocalDate deadline, String responsible,
            RectificationItemState state, LocalDate dueOn, String doneNote, LocalDate doneOn, String doneBy,
            String returnedReason, LocalDate confirmedOn, String confirmedBy, int reopenedCount, String reopenedReason,
            LocalDate reopenedOn) {

        public boolean confirmed() {
            return state == RectificationItemState.CONFIRMED;
        }

        /** Not yet confirmed, and its due day has passed. */
        public boolean overdue(LocalDate today) {
            return state != null && !confirmed() && dueOn != null && today.isAfter(dueOn);
        }

        /** Confirmed, but marked done after its due day. */
        public boolean doneLate() {
            return confirmed() && doneOn != null && dueOn != null && doneOn.isAfter(dueOn);
        }

        public boolean reopened() {
            return reopenedCount > 0;
        }

        /** How the item stands, in Chinese: 已销号（按期完成）, 整改中（已逾期）, 整改不到位，重新整改中 … */
        public String status(LocalDate today) {
            if (state == null) {
                return "未跟踪";
            }
            String status = switch (state) {
                case CONFIRMED -> doneLate() ? "已销号（逾期完成）" : "已销号（按期完成）";
                case MARKED -> "已销号，待联系领导确认";
                case OPEN -> reopened() ? "整改不到位，重新整改中" : returnedReason != null ? "销号被退回，整改中" : "整改中";
            };
            return overdue(today) ? status + "（已逾期）" : status;
        }
    }

    /** The counts of a cycle's followed items: what the 述职 reports and the township compares. */
    public record Summary(int items, int doneOnTime, int doneLate, int open, int overdue, int reopened) {

        public static Summary of(List<Item> items, LocalDate today) {
            List<Item> followed = items.stream().filter(i -> i.state() != null).toList();
            return new Summary(followed.size(),
                    (int) followed.stream().filter(i -> i.confirmed() && !i.doneLate()).count(),
                    (int) followed.stream().filter(Item::doneLate).count(),
                    (int) followed.stream().filter(i -> !i.confirmed()).count(),
                    (int) followed.stream().filter(i -> i.overdue(today)).count(),
                    (int) followed.stream().filter(Item::reopened).count());
        }

        public int done() {
            return doneOnTime + doneLate;
        }
    }

    /**
     * How many members made a commitment, and how many the secretary recorded as 践诺, 部分践诺 and 未践诺;
     * the rest are not recorded.
     */
    public record CommitmentsKept(int commitments, int kept, int partlyKept, int notKept) {

        public int notRecorded() {
            return commitments - kept - partlyKept - notKept;
        }
    }

    public CommitmentsKept commitmentsKept(String cycleId) {
        Map<String, Integer> byKept = new HashMap<>();
        jdbc.sql("select kept, count(*) as n from commitment where cycle_id = ? group by kept").param(cycleId)
                .query(rs -> {
                    byKept.put(rs.getString("kept"), rs.getInt("n"));
                });
        return new CommitmentsKept(byKept.values().stream().mapToInt(Integer::intValue).sum(),
                byKept.getOrDefault(CommitmentKept.KEPT.name(), 0),
                byKept.getOrDefault(CommitmentKept.PARTLY_KEPT.name(), 0),
                byKept.getOrDefault(CommitmentKept.NOT_KEPT.name(), 0));
    }

    public List<Item> items(String cycleId) {
        return jdbc.sql("select * from rectification_item where cycle_id = ? order by seq").param(cycleId)
                .query((rs, n) -> {
                    String state = rs.getString("state");
                    return new Item(rs.getInt("seq"), rs.getString("problem"), rs.getString("measure"),
                            rs.getDate("deadline").toLocalDate(), rs.getString("responsible"),
                            state == null ? null : RectificationItemState.valueOf(state), date(rs.getDate("due_on")),
                            rs.getString("done_note"), date(rs.getDate("done_on")), rs.getString("done_by"),
                            rs.getString("returned_reason"), date(rs.getDate("confirmed_on")),
                            rs.getString("confirmed_by"), rs.getInt("reopened_count"), rs.getString("reopened_reason"),
                            date(rs.getDate("reopened_on")));
                })
                .list();
    }

    public Optional<Item> item(String cycleId, int seq) {
        return items(cycleId).stream().filter(i -> i.seq() == seq).findFirst();
    }

    /**
     * The counts of {@link Summary} for every cycle of a year with followed items, as a table to join in a
     * report that reads many cycles in one query (the statistics workbook, the dashboard): columns
     * {@code cycle_id, followed_items, confirmed_items, open_items, overdue_items, reopened_items}, with the
     * named parameters {@code :year} and {@code :today} (a date). Counted by the same rules as
     * {@link Item#confirmed}, {@link Item#overdue} and {@link Item#reopened}; a cycle nothing follows has no row.
     */
    public static String countsOfYear() {
        String confirmed = "'" + RectificationItemState.CONFIRMED.name() + "'";
        return """
                select i.cycle_id, count(*) as followed_items,
                  sum(case when i.state = %1$s then 1 else 0 end) as confirmed_items,
                  sum(case when i.state <> %1$s then 1 else 0 end) as open_items,
                  sum(case when i.state <> %1$s and i.due_on < :today then 1 else 0 end) as overdue_items,
                  sum(case when i.reopened_count > 0 then 1 else 0 end) as reopened_items
                from rectification_item i join review_cycle ic on ic.id = i.cycle_id
                where ic.review_year = :year and i.state is not null
                group by i.cycle_id""".formatted(confirmed);
    }

    private static LocalDate date(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
