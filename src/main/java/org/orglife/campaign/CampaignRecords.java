package org.orglife.campaign;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.orglife.cycle.Deadlines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns, their spot checks and their summary. */
@Repository
public class CampaignRecords {

    private final JdbcClient jdbc;

    CampaignRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether any year's campaign was launched here. */
    public boolean any() {
        return jdbc.sql("select count(*) from campaign").query(Integer.class).single() > 0;
    }

    public boolean exists(int year) {
        return jdbc.sql("select count(*) from campaign where review_year = ?").param(year).query(Integer.class).single() > 0;
    }

    public void insert(Campaign c) {
        Deadlines d = c.deadlines();
        jdbc.sql("""
                insert into campaign (review_year, plan_due_by, meetings_due_by, statistics_due_by,
                  publicity_working_days, spot_check_share, spot_check_seed, launched_by, launched_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.year(), Date.valueOf(d.planDueBy()), Date.valueOf(d.meetingsDueBy()),
                        Date.valueOf(d.statisticsDueBy()), d.publicityWorkingDays(), c.spotCheckShare(),
                        c.spotCheckSeed(), c.launchedBy(), Timestamp.from(c.launchedAt()))
                .update();
    }

    public void attachInstance(int year, String processInstanceId) {
        jdbc.sql("update campaign set process_instance_id = ? where review_year = ?").params(processInstanceId, year)
                .update();
    }

    public Optional<Campaign> find(int year) {
        return jdbc.sql("select * from campaign where review_year = ?").param(year)
                .query((rs, n) -> new Campaign(rs.getInt("review_year"),
                        new Deadlines(rs.getDate("plan_due_by").toLocalDate(), rs.getDate("meetings_due_by").toLocalDate(),
                                rs.getDate("statistics_due_by").toLocalDate(), rs.getInt("publicity_working_days")),
                        rs.getBigDecimal("spot_check_share"), rs.getLong("spot_check_seed"),
                        rs.getString("process_instance_id"), rs.getString("launched_by"),
                        rs.getTimestamp("launched_at").toInstant()))
                .optional();
    }

    public void addSpotCheck(int year, String branchCode) {
        jdbc.sql("""
                insert into spot_check (review_year, branch_code)
                select ?, ? from campaign where review_year = ?
                and not exists (select 1 from spot_check where review_year = ? and branch_code = ?)""")
                .params(year, branchCode, year, year, branchCode).update();
    }

    public List<String> spotCheckedBranches(int year) {
        return jdbc.sql("select branch_code from spot_check where review_year = ? order by branch_code").param(year)
                .query(String.class).list();
    }

    public void planSpotCheck(int year, String branchCode, LocalDate plannedOn) {
        jdbc.sql("update spot_check set planned_on = ? where review_year = ? and branch_code = ?")
                .params(Date.valueOf(plannedOn), year, branchCode).update();
    }

    public Optional<LocalDate> spotCheckPlannedOn(int year, String branchCode) {
        return jdbc.sql("select planned_on from spot_check where review_year = ? and branch_code = ?")
                .params(year, branchCode).query((rs, n) -> rs.getDate("planned_on"))
                .optional().filter(d -> d != null).map(Date::toLocalDate);
    }

    public void recordSpotCheck(int year, String branchCode, String mode, String findings, String by, Instant at) {
        jdbc.sql("""
                update spot_check set mode = ?, findings = ?, checked_by = ?, checked_at = ?
                where review_year = ? and branch_code = ?""")
                .params(mode, findings, by, Timestamp.from(at), year, branchCode).update();
    }

    public void recordSummary(int year, List<String> missingBranches, Instant at) {
        jdbc.sql("update campaign set summary_assembled_at = ?, missing_branches = ? where review_year = ?")
                .params(Timestamp.from(at), String.join(",", missingBranches), year).update();
    }

    public void approveSummary(int year, String comment, String by, Instant at) {
        jdbc.sql("""
                update campaign set summary_approved_by = ?, summary_approved_at = ?, summary_comment = ?
                where review_year = ?""").params(by, Timestamp.from(at), comment, year).update();
    }

    /** Branches of the year's campaign (their cycles) that have not submitted their statistics row. */
    /** Whether every cycle of the year has its statistics row; stops at the first one without (not O(N) per call). */
    public boolean allStatisticsSubmitted(int year) {
        return jdbc.sql("select 1 from review_cycle c where c.review_year = ? "
                + "and not exists (select 1 from statistics_row s where s.cycle_id = c.id) fetch first 1 rows only")
                .param(year).query(Integer.class).optional().isEmpty();
    }

    public List<String> branchesWithoutStatistics(int year) {
        return jdbc.sql("""
                select c.branch_code from review_cycle c
                where c.review_year = ? and not exists (select 1 from statistics_row s where s.cycle_id = c.id)
                order by c.branch_code""").param(year).query(String.class).list();
    }

    public BigDecimal share(int year) {
        return jdbc.sql("select spot_check_share from campaign where review_year = ?").param(year)
                .query(BigDecimal.class).single();
    }
}
