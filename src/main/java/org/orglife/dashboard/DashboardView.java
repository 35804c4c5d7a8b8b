package org.orglife.dashboard;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.orglife.campaign.CampaignProgress;
import org.orglife.config.CurrentUser;
import org.orglife.rating.Grade;
import org.orglife.rating.RatingRules;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchVisibility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the township dashboard shows for a year: every branch the person may see with its open steps,
 * due dates, overdue marks and spot check, the progress by step and the ratings against the cap.
 */
@Service
public class DashboardView {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final BranchVisibility visibility;
    private final CampaignProgress progress;
    private final JdbcClient jdbc;

    DashboardView(BranchVisibility visibility, CampaignProgress progress, JdbcClient jdbc) {
        this.visibility = visibility;
        this.progress = progress;
        this.jdbc = jdbc;
    }

    record Step(String name, String due, int level, String taskId) {
    }

    public record BranchRow(String code, String name, String kind, String liaison, String status, String processInstanceId,
            List<Step> steps, String spotCheck, int maxLevel) {
    }

    record Chart(List<String> labels, List<Long> values) {
    }

    public record View(int year, List<Integer> years, List<BranchRow> branches, Chart steps, Chart grades, long excellentCap,
            long formalMembers, boolean township) {
    }

    public View of(int year, CurrentUser user) {
        List<Branch> visible = visibility.visibleTo(user.id(), user.groupIds());
        boolean township = BranchVisibility.seesAll(user.groupIds());
        Map<String, CampaignProgress.BranchProgress> byCode = new HashMap<>();
        List<CampaignProgress.BranchProgress> all = progress.of(year, visible);
        all.forEach(p -> byCode.put(p.branchCode(), p));
        Map<String, String> pids = new HashMap<>();
        jdbc.sql("select branch_code, process_instance_id from review_cycle where review_year = ?").param(year)
                .query(rs -> {
                    pids.put(rs.getString("branch_code"), rs.getString("process_instance_id"));
                });
        Map<String, String> spotChecks = new HashMap<>();
        jdbc.sql("select branch_code, checked_at from spot_check where review_year = ?").param(year)
                .query(rs -> {
                    spotChecks.put(rs.getString("branch_code"), rs.getTimestamp("checked_at") == null ? "待检查" : "已检查");
                });
        List<BranchRow> rows = new ArrayList<>();
        for (Branch b : visible) {
            CampaignProgress.BranchProgress p = byCode.get(b.code());
            List<Step> steps = p == null ? List.of() : p.openSteps().stream()
                    .map(s -> new Step(s.name(), s.due() == null ? "" : DAY.format(s.due().toInstant()), s.overdueLevel(),
                            s.taskId()))
                    .toList();
            String status = p == null ? "未启动" : "COMPLETED".equals(p.status()) ? "已完成" : steps.isEmpty() ? "处理中" : "进行中";
            rows.add(new BranchRow(b.code(), b.name(), b.kind().label(), b.liaison().name(), status, pids.get(b.code()),
                    steps, spotChecks.getOrDefault(b.code(), "未抽中"),
                    steps.stream().mapToInt(Step::level).max().orElse(0)));
        }
        Map<String, Long> stepCounts = progress.stepCounts(all);
        return new View(year, years(), rows, new Chart(new ArrayList<>(stepCounts.keySet()),
                new ArrayList<>(stepCounts.values())), grades(year, visible, township), cap(visible, township)[0],
                cap(visible, township)[1], township);
    }

    private Chart grades(int year, Collection<Branch> visible, boolean township) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            counts.put(g.name(), 0L);
        }
        List<String> codes = visible.stream().map(Branch::code).toList();
        String sql = "select r.grade, count(*) as n from rating r join review_cycle c on c.id = r.cycle_id "
                + "where c.review_year = :year" + (township ? "" : " and c.branch_code in (:codes)") + " group by r.grade";
        var statement = jdbc.sql(sql).param("year", year);
        if (!township) {
            statement = statement.param("codes", codes.isEmpty() ? List.of("") : codes);
        }
        statement.query(rs -> {
            counts.put(rs.getString("grade"), rs.getLong("n"));
        });
        return new Chart(counts.keySet().stream().map(g -> Grade.valueOf(g).label()).toList(),
                new ArrayList<>(counts.values()));
    }

    /** The sum over the branches of ⌊N/3⌋, and of N. */
    private long[] cap(Collection<Branch> visible, boolean township) {
        Map<String, Long> formal = new HashMap<>();
        jdbc.sql("select branch_code, count(*) as n from party_member where status = 'FORMAL' and floating_in = false "
                + "group by branch_code").query(rs -> {
                    formal.put(rs.getString("branch_code"), rs.getLong("n"));
                });
        var codes = visible.stream().map(Branch::code).collect(Collectors.toSet());
        long cap = 0;
        long members = 0;
        for (var entry : formal.entrySet()) {
            if (township || codes.contains(entry.getKey())) {
                cap += RatingRules.excellentCap(entry.getValue().intValue());
                members += entry.getValue();
            }
        }
        return new long[] {cap, members};
    }

    List<Integer> years() {
        return jdbc.sql("select distinct review_year from review_cycle union select review_year from campaign "
                + "order by 1 desc").query(Integer.class).list();
    }
}
