package org.orglife.dashboard;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.RectificationProgress;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.engine.EngineContext;
import org.orglife.errors.ApiProblem;
import org.orglife.registry.BranchVisibility;
import org.orglife.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's view of the rectification follow-up (整改销号, {@code /dashboard/rectification}): for the
 * filed lists of a year, over the branches the person may see, each branch's items, 已销号, 未销号, 逾期 and
 * 整改不到位, the lagging branches first (most overdue, then most still open), a page at a time, counted as
 * of today.
 *
 * <p>A year's lists are filed early in the next year and followed during it, so the year shown by default
 * is the latest before this year with followed items among the person's branches (usually the one before
 * the year under review); without any, the year before the year under review.
 */
@Service
class RectificationDashboard {

    static final int PAGE_SIZE = 100;
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private final BranchVisibility visibility;
    private final ReviewCycleRepository cycles;
    private final WorkingDayCalendar calendar;
    private final JdbcClient jdbc;

    RectificationDashboard(BranchVisibility visibility, ReviewCycleRepository cycles, WorkingDayCalendar calendar,
            JdbcClient jdbc) {
        this.visibility = visibility;
        this.cycles = cycles;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    /** What the address asks for; null where it asks nothing. */
    record Query(Integer year, int page) {

        /** Reads {@code ?year=&page=}; a value that makes no sense is refused (400) in Chinese. */
        static Query parse(String year, String page) {
            Integer y = null;
            if (year != null && !year.isBlank()) {
                y = DashboardQuery.number(year);
                if (y == null || y < FIRST_YEAR || y > LAST_YEAR) {
                    throw new ApiProblem(400, "年度「" + DashboardQuery.shorten(year) + "」无效，应为 " + FIRST_YEAR + "–"
                            + LAST_YEAR + " 之间的年份");
                }
            }
            int p = 1;
            if (page != null && !page.isBlank()) {
                Integer parsed = DashboardQuery.number(page);
                if (parsed == null || parsed < 1) {
                    throw new ApiProblem(400, "页码「" + DashboardQuery.shorten(page) + "」无效，应为从 1 起的整数");
                }
                p = parsed;
            }
            return new Query(y, p);
        }
    }

    /** A branch's filed list of the year; {@code followed} false where nothing follows it (filed before the follow-up). */
    record BranchRow(String code, String name, String cycleId, boolean followed, long items, long confirmed, long open,
            long overdue, long reopened) {
    }

    /** Over every branch of the view, not only the page. */
    record Totals(long branches, long items, long confirmed, long open, long overdue, long reopened) {
    }

    /**
     * @param years the years with followed items among the person's branches, latest first, and the year shown
     */
    record View(int year, List<Integer> years, LocalDate today, List<BranchRow> branches, Totals totals, int page,
            int pages) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    View of(Query query, CurrentUser user) {
        BranchVisibility.Scope scope = visibility.scope(user);
        List<Integer> years = years(scope);
        int thisYear = EngineContext.now().atZone(calendar.zone()).getYear();
        int year = query.year() != null ? query.year()
                : years.stream().filter(y -> y < thisYear).findFirst().orElse(cycles.latestYear() - 1);
        if (!years.contains(year)) {
            years = new ArrayList<>(years);
            years.add(year);
            years.sort(Comparator.reverseOrder());
        }
        LocalDate today = LocalDate.ofInstant(EngineContext.now(), calendar.zone());
        Totals totals = bind(jdbc.sql("""
                select count(*) as branches, coalesce(sum(f.followed_items), 0) as followed_items,
                  coalesce(sum(f.confirmed_items), 0) as confirmed_items, coalesce(sum(f.open_items), 0) as open_items,
                  coalesce(sum(f.overdue_items), 0) as overdue_items,
                  coalesce(sum(f.reopened_items), 0) as reopened_items
                %s""".formatted(from(scope))), scope, year, today)
                .query((rs, n) -> new Totals(rs.getLong("branches"), rs.getLong("followed_items"),
                        rs.getLong("confirmed_items"), rs.getLong("open_items"), rs.getLong("overdue_items"),
                        rs.getLong("reopened_items")))
                .single();
        int pages = (int) Math.max(1, (totals.branches() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (query.page() > pages) {
            throw new ApiProblem(400, "第 " + query.page() + " 页不存在：共 " + pages + " 页");
        }
        List<BranchRow> rows = bind(jdbc.sql("""
                select b.code, b.name, c.id as cycle_id, f.followed_items, f.confirmed_items, f.open_items,
                  f.overdue_items, f.reopened_items
                %s
                order by coalesce(f.overdue_items, 0) desc, coalesce(f.open_items, 0) desc, b.code
                limit :limit offset :offset""".formatted(from(scope))), scope, year, today)
                .param("limit", PAGE_SIZE).param("offset", (query.page() - 1) * PAGE_SIZE)
                .query((rs, n) -> new BranchRow(rs.getString("code"), rs.getString("name"), rs.getString("cycle_id"),
                        rs.getObject("followed_items") != null, rs.getLong("followed_items"),
                        rs.getLong("confirmed_items"), rs.getLong("open_items"), rs.getLong("overdue_items"),
                        rs.getLong("reopened_items")))
                .list();
        return new View(year, years, today, rows, totals, query.page(), pages);
    }

    /** The year's filed cycles of the branches in scope, with their follow-up's counts where it follows them. */
    private static String from(BranchVisibility.Scope scope) {
        return """
                from review_cycle c
                join party_branch b on b.code = c.branch_code
                left join (%s) f on f.cycle_id = c.id
                where c.review_year = :year and c.filed_on is not null and %s"""
                .formatted(RectificationProgress.countsOfYear(), scope.condition("b"));
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, BranchVisibility.Scope scope,
            int year, LocalDate today) {
        return scope.bind(statement.param("year", year).param("today", Date.valueOf(today)));
    }

    /** The years with followed items among the branches in scope, latest first. */
    private List<Integer> years(BranchVisibility.Scope scope) {
        return scope.bind(jdbc.sql("""
                select distinct c.review_year from review_cycle c join party_branch b on b.code = c.branch_code
                where %s and exists (select 1 from rectification_item i where i.cycle_id = c.id and i.state is not null)
                order by c.review_year desc""".formatted(scope.condition("b"))))
                .query(Integer.class).list();
    }
}
