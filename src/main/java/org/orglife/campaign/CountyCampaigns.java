package org.orglife.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.Deadlines;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepSchedule;
import org.orglife.engine.AsSystem;
import org.orglife.engine.EngineContext;
import org.orglife.registry.BranchRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Launches the county's year (SPEC §10): its outer deadlines and rules, and for every township a
 * {@code township-campaign} instance waiting for the township office's own launch, which is escalated
 * (notice, then 督办 for the county's supervisors) once the county's launch deadline passes.
 */
@Service
public class CountyCampaigns {

    /** The county supervisors' 督办 of a township that has not launched its campaign in time. */
    public static final String LAUNCH_SUPERVISION_TASK = "superviseTownshipLaunch";

    /** Working days a township has to launch its campaign, unless the county says otherwise. */
    public static final int DEFAULT_LAUNCH_WITHIN_WORKING_DAYS = 5;

    /** As posted to {@code /api/county/campaigns}. */
    public record LaunchRequest(Integer year, LocalDate planDueBy, LocalDate meetingsDueBy, LocalDate statisticsDueBy,
            Integer publicityWorkingDays, BigDecimal spotCheckShare, Integer launchWithinWorkingDays) {
    }

    private final CampaignRecords records;
    private final Campaigns campaigns;
    private final BranchRepository branches;
    private final WorkingDayCalendar calendar;
    private final StepSchedule schedule;
    private final IdentityService identities;

    CountyCampaigns(CampaignRecords records, Campaigns campaigns, BranchRepository branches,
            WorkingDayCalendar calendar, StepSchedule schedule, IdentityService identities) {
        this.identities = identities;
        this.records = records;
        this.campaigns = campaigns;
        this.branches = branches;
        this.calendar = calendar;
        this.schedule = schedule;
    }

    @Transactional
    public CountyCampaign launch(LaunchRequest request, String launchedBy) {
        List<String> problems = Campaigns.check(request.year(), request.planDueBy(), request.meetingsDueBy(),
                request.statisticsDueBy(), request.publicityWorkingDays(), request.spotCheckShare());
        Integer within = request.launchWithinWorkingDays();
        if (within != null && (within < 1 || within > 30)) {
            problems.add("乡镇部署期限（launchWithinWorkingDays）应在 1–30 个工作日之间：" + within);
        }
        if (!problems.isEmpty()) {
            throw new CampaignRejectedException(problems);
        }
        if (records.findCounty(request.year()).isPresent()) {
            throw new CampaignAlreadyLaunchedException("全县", request.year());
        }
        int days = within == null ? DEFAULT_LAUNCH_WITHIN_WORKING_DAYS : within;
        LocalDate today = EngineContext.now().atZone(calendar.zone()).toLocalDate();
        LocalDate launchDueBy = calendar.plusWorkingDays(today, days);
        Deadlines deadlines = new Deadlines(request.planDueBy(), request.meetingsDueBy(), request.statisticsDueBy(),
                request.publicityWorkingDays() == null ? ReviewVariables.DEFAULT_PUBLICITY_WORKING_DAYS
                        : request.publicityWorkingDays());
        CountyCampaign campaign = new CountyCampaign(request.year(), deadlines,
                request.spotCheckShare() == null ? BigDecimal.ZERO : request.spotCheckShare(), days, launchDueBy,
                launchedBy, EngineContext.now());
        records.insertCounty(campaign);
        Date dueAt = Date.from(schedule.at(launchDueBy).toInstant());
        Date level2At = Date.from(schedule.level2At(schedule.at(launchDueBy)).toInstant());
        for (String township : branches.townships().keySet()) {
            // a township that launched before the county (as a township could before there was a county) keeps its campaign
            if (!records.exists(township, request.year())) {
                AsSystem.call(identities, () -> campaigns.start(township, request.year(), dueAt, level2At));
            }
        }
        return campaign;
    }
}
