package org.orglife.dashboard;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orglife.campaign.CampaignProgress;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewCycle;
import org.orglife.engine.EngineContext;
import org.orglife.rating.Grade;
import org.orglife.registry.BranchKind;
import org.orglife.registry.BranchVisibility;
import org.orglife.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the township dashboard shows for a year: one page of the branches the person may see (by
 * code, optionally filtered) with their open steps, due dates, overdue marks and spot check; and,
 * over all those branches, the open steps by step, the grades and the ⌊N/3⌋ caps.
 *
 * <p>The cost of a page does not grow with the township: the page is chosen and counted in SQL, only
 * its branches' open steps are read, and the charts are aggregates the database computes from the
 * engine's open tasks, the per-cycle grade counts and the formal-member index (the township's member
 * totals kept in memory until a roster import changes a member).
 */
@Service
public class DashboardView {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final BranchVisibility visibility;
    private final CampaignProgress progress;
    private final FormalMemberTotals members;
    private final JdbcClient jdbc;
    private final TownshipRanking ranking;
    private final ReviewCycleRepository cycles;

    DashboardView(BranchVisibility visibility, CampaignProgress progress, FormalMemberTotals members, JdbcClient jdbc,
            TownshipRanking ranking, ReviewCycleRepository cycles) {
        this.ranking = ranking;
        this.cycles = cycles;
        this.visibility = visibility;
        this.progress = progress;
        this.members = members;
        this.jdbc = jdbc;
    }

    record Step(String name, String due, int level, String taskId) {
    }

    public record BranchRow(String code, String name, String kind, String liaison, String status, String processInstanceId,
            List<Step> steps, String spotCheck, int maxLevel) {
    }

    record Chart(List<String> labels, List<Long> values) {
    }

    /** Page {@code page} of {@code pages}; {@code total} branches match the query. */
    public record Paging(int page, int pages, int size, long total, String previous, String next) {
    }

    /**
     * @param township whether the viewer oversees whole townships (the county's too)
     * @param townships for the county's viewers, the townships ranked; empty for everyone else
     */
    public record View(int year, List<Integer> years, List<BranchRow> branches, Chart steps, Chart grades, long excellentCap,
            long formalMembers, boolean township, List<TownshipRanking.Township> townships, DashboardQuery query,
            Paging paging) {

        public List<String> notices() {
            return query.notices();
        }
    }

    public View of(int year, CurrentUser user, DashboardQuery query) {
        BranchVisibility.Scope scope = visibility.scope(user);
        Filter filter = new Filter(year, scope, query);
        long total = filter.bind(jdbc.sql("select count(*) " + filter.from())).query(Long.class).single();
        int pages = (int) Math.max(1, (total + query.size() - 1) / query.size());
        if (query.page() > pages) {
            query = query.onPage(pages, "共 " + pages + " 页，已显示第 " + pages + " 页");
        }
        List<BranchRow> rows = page(filter, query);
        Map<String, Long> stepCounts = progress.stepCounts(year, scope);
        FormalMemberTotals.Totals totals = members.of(scope);
        Paging paging = new Paging(query.page(), pages, query.size(), total,
                query.page() > 1 ? query.link(year, query.page() - 1) : null,
                query.page() < pages ? query.link(year, query.page() + 1) : null);
        return new View(year, years(), rows, new Chart(new ArrayList<>(stepCounts.keySet()),
                new ArrayList<>(stepCounts.values())), grades(year, scope), totals.excellentCap(),
                totals.formalMembers(), scope.overseesTownships(), scope.all() ? ranking.of(year) : List.of(), query,
                paging);
    }

    /** The branches in scope that pass the query's filters, with their cycle of the year if any. */
    private record Filter(int year, BranchVisibility.Scope scope, DashboardQuery query) {

        /** From the branches and their cycle of the year, where in scope and filtered. */
        String from() {
            StringBuilder where = new StringBuilder(scope.condition("b"));
            if (!query.search().isEmpty()) {
                where.append(" and (upper(b.code) like :codeLike escape '\\' or b.name like :nameLike escape '\\')");
            }
            switch (query.status()) {
                case NOT_STARTED -> where.append(" and c.id is null");
                case RUNNING -> where.append(" and c.status = '" + ReviewCycle.RUNNING + "'");
                case COMPLETED -> where.append(" and c.status = '" + ReviewCycle.COMPLETED + "'");
                case ALL -> { }
            }
            switch (query.overdue()) {
                case DUE -> where.append(" and exists (select 1 from act_ru_task t"
                        + " where t.proc_inst_id_ = c.process_instance_id and t.due_date_ < :now)");
                case SUPERVISED -> where.append(" and exists (select 1 from escalation e join act_ru_task t on t.id_ = e.task_id"
                        + " where e.cycle_id = c.id and e.level = 2)");
                case ALL -> { }
            }
            return """
                    from party_branch b
                    left join review_cycle c on c.branch_code = b.code and c.review_year = :year
                    where\s""" + where;
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            statement = scope.bind(statement.param("year", year));
            if (!query.search().isEmpty()) {
                String like = "%" + query.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                statement = statement.param("codeLike", like.toUpperCase()).param("nameLike", like);
            }
            if (query.overdue() == DashboardQuery.Overdue.DUE) {
                statement = statement.param("now", new Timestamp(EngineContext.currentTime().getTime()));
            }
            return statement;
        }
    }

    private record Listed(String code, String name, String kind, String liaison, String cycleStatus,
            String processInstanceId, String spotCheck) {
    }

    private List<BranchRow> page(Filter filter, DashboardQuery query) {
        // the page's codes first (for a deep page the offset then walks only what the filter needs, often
        // just the code index), then the details of those few
        List<Listed> listed = filter.bind(jdbc.sql("""
                select b.code, b.name, b.kind, b.liaison_name, c.status, c.process_instance_id,
                       sc.branch_code as spot_checked, sc.checked_at
                from (select b.code %s order by b.code limit :limit offset :offset) p
                join party_branch b on b.code = p.code
                left join review_cycle c on c.branch_code = b.code and c.review_year = :year
                left join spot_check sc on sc.review_year = :year and sc.branch_code = b.code
                order by b.code""".formatted(filter.from())))
                .param("limit", query.size()).param("offset", (long) (query.page() - 1) * query.size())
                .query((rs, n) -> new Listed(rs.getString("code"), rs.getString("name"),
                        BranchKind.valueOf(rs.getString("kind")).label(), rs.getString("liaison_name"),
                        rs.getString("status"), rs.getString("process_instance_id"),
                        rs.getString("spot_checked") == null ? "未抽中"
                                : rs.getTimestamp("checked_at") == null ? "待检查" : "已检查"))
                .list();
        Map<String, List<CampaignProgress.OpenStep>> open = progress.openSteps(
                listed.stream().map(Listed::processInstanceId).toList());
        List<BranchRow> rows = new ArrayList<>();
        for (Listed b : listed) {
            List<Step> steps = open.getOrDefault(b.processInstanceId(), List.of()).stream()
                    .map(s -> new Step(s.name(), s.due() == null ? "" : DAY.format(s.due().toInstant()), s.overdueLevel(),
                            s.taskId()))
                    .toList();
            String status = b.cycleStatus() == null ? "未启动" : ReviewCycle.COMPLETED.equals(b.cycleStatus()) ? "已完成"
                    : steps.isEmpty() ? "处理中" : "进行中";
            // a spot check or unannounced visit announced to the branch would be none: the township's only
            rows.add(new BranchRow(b.code(), b.name(), b.kind(), b.liaison(), status, b.processInstanceId(), steps,
                    filter.scope().overseesTownships() ? b.spotCheck() : null, steps.stream().mapToInt(Step::level).max().orElse(0)));
        }
        return rows;
    }

    /** Grades over the year's cycles in scope, from the per-cycle counts written with the ratings. */
    private Chart grades(int year, BranchVisibility.Scope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        scope.bind(jdbc.sql("""
                select coalesce(sum(g.excellent), 0) as excellent, coalesce(sum(g.qualified), 0) as qualified,
                       coalesce(sum(g.basically_qualified), 0) as basically_qualified,
                       coalesce(sum(g.unqualified), 0) as unqualified
                from cycle_grade_count g
                where g.review_year = :year and %s""".formatted(scope.codeIn("g.branch_code")))
                .param("year", year))
                .query(rs -> {
                    for (Grade g : Grade.values()) {
                        counts.put(g.label(), rs.getLong(g.name().toLowerCase()));
                    }
                });
        return new Chart(new ArrayList<>(counts.keySet()), new ArrayList<>(counts.values()));
    }

    /** The latest year with a campaign or a cycle, else this year. */
    int latestYear() {
        return cycles.latestYear();
    }

    /**
     * The years with a campaign or a cycle, latest first. The cycles' years are read from the year
     * index one year at a time (a loose index scan), not by a pass over every cycle.
     */
    List<Integer> years() {
        return jdbc.sql("""
                with recursive y (review_year) as (
                  select min(review_year) from review_cycle
                  union all
                  select (select min(c.review_year) from review_cycle c where c.review_year > y.review_year)
                  from y where y.review_year is not null)
                select review_year from y where review_year is not null
                union
                select review_year from township_campaign
                order by 1 desc""").query(Integer.class).list();
    }
}
