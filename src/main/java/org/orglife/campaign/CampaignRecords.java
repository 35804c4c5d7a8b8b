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

/** The townships' campaigns, their spot checks and their summaries. */
@Repository
public class CampaignRecords {

    private final JdbcClient jdbc;

    CampaignRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether any township's campaign of any year was launched here. */
    public boolean any() {
        return jdbc.sql("select count(*) from township_campaign").query(Integer.class).single() > 0;
    }

    public boolean exists(String township, int year) {
        return jdbc.sql("select count(*) from township_campaign where township_code = ? and review_year = ?")
                .params(township, year).query(Integer.class).single() > 0;
    }

    public void insert(Campaign c) {
        Deadlines d = c.deadlines();
        jdbc.sql("""
                insert into township_campaign (township_code, review_year, plan_due_by, meetings_due_by,
                  statistics_due_by, publicity_working_days, spot_check_share, spot_check_seed, process_instance_id,
                  launched_by, launched_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.townshipCode(), c.year(), Date.valueOf(d.planDueBy()), Date.valueOf(d.meetingsDueBy()),
                        Date.valueOf(d.statisticsDueBy()), d.publicityWorkingDays(), c.spotCheckShare(),
                        c.spotCheckSeed(), c.processInstanceId(), c.launchedBy(), Timestamp.from(c.launchedAt()))
                .update();
    }

    public void attachInstance(String township, int year, String processInstanceId) {
        jdbc.sql("update township_campaign set process_instance_id = ? where township_code = ? and review_year = ?")
                .params(processInstanceId, township, year).update();
    }

    public Optional<Campaign> find(String township, int year) {
        return jdbc.sql("select * from township_campaign where township_code = ? and review_year = ?")
                .params(township, year).query(CampaignRecords::map).optional();
    }

    /** The townships' campaigns of a year, by township. */
    public List<Campaign> ofYear(int year) {
        return jdbc.sql("select * from township_campaign where review_year = ? order by township_code").param(year)
                .query(CampaignRecords::map).list();
    }

    private static Campaign map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Campaign(rs.getString("township_code"), rs.getInt("review_year"),
                new Deadlines(rs.getDate("plan_due_by").toLocalDate(), rs.getDate("meetings_due_by").toLocalDate(),
                        rs.getDate("statistics_due_by").toLocalDate(), rs.getInt("publicity_working_days")),
                rs.getBigDecimal("spot_check_share"), rs.getLong("spot_check_seed"),
                rs.getString("process_instance_id"), rs.getString("launched_by"),
                rs.getTimestamp("launched_at").toInstant());
    }

    public void addSpotCheck(int year, String branchCode) {
        jdbc.sql("""
                insert into spot_check (review_year, branch_code)
                select ?, ? from party_branch where code = ?
                and not exists (select 1 from spot_check where review_year = ? and branch_code = ?)""")
                .params(year, branchCode, branchCode, year, branchCode).update();
    }

    /** The township's branches drawn for spot checks in the year. */
    public List<String> spotCheckedBranches(String township, int year) {
        return jdbc.sql("""
                select s.branch_code from spot_check s join party_branch b on b.code = s.branch_code
                where s.review_year = ? and b.township_code = ? order by s.branch_code""").params(year, township)
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

    public void recordSummary(String township, int year, List<String> missingBranches, Instant at) {
        jdbc.sql("""
                update township_campaign set summary_assembled_at = ?, missing_branches = ?
                where township_code = ? and review_year = ?""")
                .params(Timestamp.from(at), String.join(",", missingBranches), township, year).update();
    }

    public void approveSummary(String township, int year, String comment, String by, Instant at) {
        jdbc.sql("""
                update township_campaign set summary_approved_by = ?, summary_approved_at = ?, summary_comment = ?
                where township_code = ? and review_year = ?""")
                .params(by, Timestamp.from(at), comment, township, year).update();
    }

    /** Whether every cycle of the township's year has its statistics row; stops at the first one without. */
    public boolean allStatisticsSubmitted(String township, int year) {
        return jdbc.sql("""
                select 1 from review_cycle c join party_branch b on b.code = c.branch_code
                where c.review_year = ? and b.township_code = ?
                and not exists (select 1 from statistics_row s where s.cycle_id = c.id) fetch first 1 rows only""")
                .params(year, township).query(Integer.class).optional().isEmpty();
    }

    /** Branches of the township's campaign (their cycles) that have not submitted their statistics row. */
    public List<String> branchesWithoutStatistics(String township, int year) {
        return jdbc.sql("""
                select c.branch_code from review_cycle c join party_branch b on b.code = c.branch_code
                where c.review_year = ? and b.township_code = ?
                and not exists (select 1 from statistics_row s where s.cycle_id = c.id)
                order by c.branch_code""").params(year, township).query(String.class).list();
    }

    /** Records that the township's launch is overdue and its office and the county were told; false if recorded before. */
    public boolean recordLateLaunch(String township, int year, Instant dueAt, Instant at) {
        return jdbc.sql("""
                insert into township_launch_escalation (township_code, review_year, due_at, notified_at)
                select ?, ?, ?, ? from township
                where code = ? and not exists (select 1 from township_launch_escalation
                    where township_code = ? and review_year = ?)""")
                .params(township, year, Timestamp.from(dueAt), Timestamp.from(at), township, township, year)
                .update() == 1;
    }

    public void recordLaunchSupervision(String township, int year, String action, String by, Instant at) {
        jdbc.sql("""
                update township_launch_escalation set supervisor_action = ?, supervised_by = ?, supervised_at = ?
                where township_code = ? and review_year = ?""")
                .params(action, by, Timestamp.from(at), township, year).update();
    }

    /** The townships whose launch of the year was overdue (escalated), by township code. */
    public List<String> lateLaunches(int year) {
        return jdbc.sql("select township_code from township_launch_escalation where review_year = ? order by township_code")
                .param(year).query(String.class).list();
    }

    public void insertCounty(CountyCampaign c) {
        Deadlines d = c.deadlines();
        jdbc.sql("""
                insert into county_campaign (review_year, plan_due_by, meetings_due_by, statistics_due_by,
                  publicity_working_days, spot_check_share, launch_within_working_days, launch_due_by, launched_by,
                  launched_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.year(), Date.valueOf(d.planDueBy()), Date.valueOf(d.meetingsDueBy()),
                        Date.valueOf(d.statisticsDueBy()), d.publicityWorkingDays(), c.spotCheckShare(),
                        c.launchWithinWorkingDays(), Date.valueOf(c.launchDueBy()), c.launchedBy(),
                        Timestamp.from(c.launchedAt()))
                .update();
    }

    public Optional<CountyCampaign> findCounty(int year) {
        return jdbc.sql("select * from county_campaign where review_year = ?").param(year)
                .query((rs, n) -> new CountyCampaign(rs.getInt("review_year"),
                        new Deadlines(rs.getDate("plan_due_by").toLocalDate(), rs.getDate("meetings_due_by").toLocalDate(),
                                rs.getDate("statistics_due_by").toLocalDate(), rs.getInt("publicity_working_days")),
                        rs.getBigDecimal("spot_check_share"), rs.getInt("launch_within_working_days"),
                        rs.getDate("launch_due_by").toLocalDate(), rs.getString("launched_by"),
                        rs.getTimestamp("launched_at").toInstant()))
                .optional();
    }
}
