package org.orglife.dashboard;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.orglife.campaign.Campaign;
import org.orglife.campaign.CampaignRecords;
import org.orglife.cycle.ReviewCycle;
import org.orglife.engine.EngineContext;
import org.orglife.registry.BranchRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The county's view of its townships in a year (县委组织部): each township's launch, its branches' cycles
 * started and completed, and its open steps past their due date, ranked by progress (the share of cycles
 * completed, then the fewest overdue steps, then the share started). Two grouped queries, whatever the
 * number of branches.
 */
@Component
public class TownshipRanking {

    /** One township's line; {@code rank} from 1. */
    public record Township(int rank, String code, String name, String launch, long branches, long started, long completed,
            long overdueSteps) {

        public int completedPercent() {
            return branches == 0 ? 0 : (int) (100 * completed / branches);
        }

        public int startedPercent() {
            return branches == 0 ? 0 : (int) (100 * started / branches);
        }
    }

    private final JdbcClient jdbc;
    private final BranchRepository branches;
    private final CampaignRecords campaigns;

    TownshipRanking(JdbcClient jdbc, BranchRepository branches, CampaignRecords campaigns) {
        this.jdbc = jdbc;
        this.branches = branches;
        this.campaigns = campaigns;
    }

    List<Township> of(int year) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("""
                select b.township_code, count(*) as branches, count(c.id) as started,
                       sum(case when c.status = ? then 1 else 0 end) as completed
                from party_branch b left join review_cycle c on c.branch_code = b.code and c.review_year = ?
                where b.active = true group by b.township_code""")
                .params(ReviewCycle.COMPLETED, year)
                .query(rs -> {
                    counts.put(rs.getString("township_code"), new long[] {rs.getLong("branches"), rs.getLong("started"),
                            rs.getLong("completed"), 0});
                });
        jdbc.sql("""
                select b.township_code, count(*) as overdue
                from act_ru_task t
                join review_cycle c on c.process_instance_id = t.proc_inst_id_
                join party_branch b on b.code = c.branch_code
                where c.review_year = ? and t.due_date_ < ?
                group by b.township_code""")
                .params(year, new Timestamp(EngineContext.currentTime().getTime()))
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("township_code"), k -> new long[4])[3] = rs.getLong("overdue");
                });
        Map<String, Campaign> launched = campaigns.ofYear(year).stream()
                .collect(Collectors.toMap(Campaign::townshipCode, c -> c));
        Set<String> late = Set.copyOf(campaigns.lateLaunches(year));
        List<Township> lines = new ArrayList<>();
        branches.townships().forEach((code, name) -> {
            long[] c = counts.getOrDefault(code, new long[4]);
            String launch = launched.containsKey(code) ? (late.contains(code) ? "逾期后部署" : "已部署")
                    : (late.contains(code) ? "逾期未部署" : "未部署");
            lines.add(new Township(0, code, name, launch, c[0], c[1], c[2], c[3]));
        });
        lines.sort(Comparator.comparingDouble((Township t) -> -share(t.completed(), t.branches()))
                .thenComparingLong(Township::overdueSteps)
                .thenComparingDouble(t -> -share(t.started(), t.branches()))
                .thenComparing(Township::code));
        List<Township> ranked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Township t = lines.get(i);
            ranked.add(new Township(i + 1, t.code(), t.name(), t.launch(), t.branches(), t.started(), t.completed(),
                    t.overdueSteps()));
        }
        return ranked;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
