package org.orglife.campaign;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.orglife.cycle.Deadlines;
import org.orglife.cycle.ReviewVariables;
import org.orglife.engine.AsSystem;
import org.orglife.engine.EngineContext;
import org.orglife.registry.CountyProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Launches a township's year (SPEC §4, §10): checks the request, within the county's campaign if the county
 * launched one, records the campaign and sends the launch to the township's {@code township-campaign} instance
 * (started by the county's launch, or now).
 */
@Service
public class Campaigns {

    public static final String PROCESS_KEY = "township-campaign";

    /**
     * As posted to {@code /api/campaigns}; null fields are reported as missing. Publicity days and spot-check
     * share left out take the county's, or the notice's defaults.
     */
    public record LaunchRequest(Integer year, LocalDate planDueBy, LocalDate meetingsDueBy, LocalDate statisticsDueBy,
            Integer publicityWorkingDays, BigDecimal spotCheckShare, String townshipCode) {

        /** For the township the person works in (or the county's only one). */
        public LaunchRequest(Integer year, LocalDate planDueBy, LocalDate meetingsDueBy, LocalDate statisticsDueBy,
                Integer publicityWorkingDays, BigDecimal spotCheckShare) {
            this(year, planDueBy, meetingsDueBy, statisticsDueBy, publicityWorkingDays, spotCheckShare, null);
        }
    }

    private final CampaignRecords records;
    private final RuntimeService runtime;
    private final CountyProperties county;
    private final IdentityService identities;
    private final SecureRandom random = new SecureRandom();

    Campaigns(CampaignRecords records, RuntimeService runtime, CountyProperties county, IdentityService identities) {
        this.records = records;
        this.runtime = runtime;
        this.county = county;
        this.identities = identities;
    }

    /** The township's launch by its office; {@code townshipCode} is the township's, checked by the caller. */
    @Transactional
    public Campaign launch(LaunchRequest request, String townshipCode, String launchedBy) {
        List<String> problems = check(request);
        CountyCampaign outer = request.year() == null ? null : records.findCounty(request.year()).orElse(null);
        if (outer != null) {
            problems.addAll(within(request, outer));
        }
        if (!problems.isEmpty()) {
            throw new CampaignRejectedException(problems);
        }
        if (records.exists(townshipCode, request.year())) {
            throw new CampaignAlreadyLaunchedException(county.townshipName(townshipCode), request.year());
        }
        int publicity = request.publicityWorkingDays() != null ? request.publicityWorkingDays()
                : outer != null ? outer.deadlines().publicityWorkingDays() : ReviewVariables.DEFAULT_PUBLICITY_WORKING_DAYS;
        Deadlines deadlines = new Deadlines(request.planDueBy(), request.meetingsDueBy(), request.statisticsDueBy(),
                publicity);
        BigDecimal share = request.spotCheckShare() != null ? request.spotCheckShare()
                : outer != null ? outer.spotCheckShare() : BigDecimal.ZERO;
        // the instance is the township's campaign, not the office's to start or change: the office's launch moves it
        String instanceId = AsSystem.call(identities, () -> awaitingLaunch(townshipCode, request.year()));
        records.insert(new Campaign(townshipCode, request.year(), deadlines, share, random.nextLong(), instanceId,
                launchedBy, EngineContext.now()));
        Map<String, Object> variables = new HashMap<>(deadlines.asVariables());
        AsSystem.call(identities, () -> runtime.createMessageCorrelation(CampaignVariables.TOWNSHIP_LAUNCHED)
                .processInstanceId(instanceId).setVariables(variables).correlateWithResult());
        return records.find(townshipCode, request.year()).orElseThrow();
    }

    /** The township's instance waiting for its launch: started by the county's launch, or now, without one. */
    private String awaitingLaunch(String townshipCode, int year) {
        ProcessInstance started = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(Campaign.businessKey(townshipCode, year)).singleResult();
        if (started != null) {
            return started.getId();
        }
        Date now = EngineContext.currentTime();
        return start(townshipCode, year, now, now);
    }

    /** Starts a township's campaign instance, which waits for the township office's launch (call as the system). */
    String start(String townshipCode, int year, Date launchDueAt, Date launchLevel2At) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReviewVariables.TOWNSHIP_CODE, townshipCode);
        variables.put(ReviewVariables.REVIEW_YEAR, year);
        variables.put(CampaignVariables.LAUNCH_DUE_AT, launchDueAt);
        variables.put(CampaignVariables.LAUNCH_LEVEL2_AT, launchLevel2At);
        return runtime.startProcessInstanceByKey(PROCESS_KEY, Campaign.businessKey(townshipCode, year), variables)
                .getId();
    }

    /** What a township's launch may not do: be later or laxer than the county's (earlier and stricter it may). */
    static List<String> within(LaunchRequest r, CountyCampaign outer) {
        List<String> problems = new ArrayList<>();
        Deadlines d = outer.deadlines();
        notLater(problems, r.planDueBy(), d.planDueBy(), "工作方案报送截止日期");
        notLater(problems, r.meetingsDueBy(), d.meetingsDueBy(), "会议完成截止日期");
        notLater(problems, r.statisticsDueBy(), d.statisticsDueBy(), "统计表报送截止日期");
        if (r.publicityWorkingDays() != null && r.publicityWorkingDays() < d.publicityWorkingDays()) {
            problems.add("公示工作日数（" + r.publicityWorkingDays() + "）不能少于县委组织部规定的 "
                    + d.publicityWorkingDays() + " 个工作日");
        }
        if (r.spotCheckShare() != null && r.spotCheckShare().compareTo(outer.spotCheckShare()) < 0) {
            problems.add("抽查比例（" + r.spotCheckShare().stripTrailingZeros().toPlainString() + "）不能低于县委组织部规定的 "
                    + outer.spotCheckShare().stripTrailingZeros().toPlainString());
        }
        return problems;
    }

    private static void notLater(List<String> problems, LocalDate township, LocalDate county, String label) {
        if (township != null && township.isAfter(county)) {
            problems.add(label + "（" + township + "）不能晚于县委组织部规定的 " + county);
        }
    }

    /** What is wrong with a launch request, in Chinese; empty when it may be launched. */
    public static List<String> check(LaunchRequest r) {
        return check(r.year(), r.planDueBy(), r.meetingsDueBy(), r.statisticsDueBy(), r.publicityWorkingDays(),
                r.spotCheckShare());
    }

    static List<String> check(Integer year, LocalDate planDueBy, LocalDate meetingsDueBy, LocalDate statisticsDueBy,
            Integer publicityWorkingDays, BigDecimal spotCheckShare) {
        List<String> problems = new ArrayList<>();
        if (year == null) {
            problems.add("请填写年度（year）");
        } else if (year < 2000 || year > 2100) {
            problems.add("年度（year）应在 2000–2100 之间：" + year);
        }
        require(problems, planDueBy, "工作方案报送截止日期（planDueBy）");
        require(problems, meetingsDueBy, "会议完成截止日期（meetingsDueBy）");
        require(problems, statisticsDueBy, "统计表报送截止日期（statisticsDueBy）");
        if (year != null) {
            for (LocalDate date : new LocalDate[] {planDueBy, meetingsDueBy, statisticsDueBy}) {
                if (date != null && (date.getYear() < year || date.getYear() > year + 1)) {
                    problems.add("截止日期须在 " + year + " 年或 " + (year + 1) + " 年内：" + date);
                }
            }
        }
        if (planDueBy != null && meetingsDueBy != null && planDueBy.isAfter(meetingsDueBy)) {
            problems.add("工作方案报送截止日期不能晚于会议完成截止日期");
        }
        if (meetingsDueBy != null && statisticsDueBy != null && meetingsDueBy.isAfter(statisticsDueBy)) {
            problems.add("会议完成截止日期不能晚于统计表报送截止日期");
        }
        if (publicityWorkingDays != null && (publicityWorkingDays < 1 || publicityWorkingDays > 30)) {
            problems.add("公示工作日数（publicityWorkingDays）应在 1–30 之间：" + publicityWorkingDays);
        }
        if (spotCheckShare != null && (spotCheckShare.signum() < 0 || spotCheckShare.compareTo(BigDecimal.ONE) > 0)) {
            problems.add("抽查比例（spotCheckShare）应在 0–1 之间：" + spotCheckShare);
        }
        return problems;
    }

    private static void require(List<String> problems, Object value, String label) {
        if (value == null) {
            problems.add("请填写" + label);
        }
    }
}
