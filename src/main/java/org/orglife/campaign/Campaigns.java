package org.orglife.campaign;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.orglife.cycle.Deadlines;
import org.orglife.cycle.ReviewVariables;
import org.orglife.engine.EngineContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Launches the township's year (SPEC §4): checks the request, records the campaign, starts {@code township-campaign}. */
@Service
public class Campaigns {

    public static final String PROCESS_KEY = "township-campaign";

    /** As posted to {@code /api/campaigns}; null fields are reported as missing. */
    public record LaunchRequest(Integer year, LocalDate planDueBy, LocalDate meetingsDueBy, LocalDate statisticsDueBy,
            Integer publicityWorkingDays, BigDecimal spotCheckShare) {
    }

    private final CampaignRecords records;
    private final RuntimeService runtime;
    private final SecureRandom random = new SecureRandom();

    Campaigns(CampaignRecords records, RuntimeService runtime) {
        this.records = records;
        this.runtime = runtime;
    }

    @Transactional
    public Campaign launch(LaunchRequest request, String launchedBy) {
        List<String> problems = check(request);
        if (!problems.isEmpty()) {
            throw new CampaignRejectedException(problems);
        }
        if (records.exists(request.year())) {
            throw new CampaignAlreadyLaunchedException(request.year());
        }
        Deadlines deadlines = new Deadlines(request.planDueBy(), request.meetingsDueBy(), request.statisticsDueBy(),
                request.publicityWorkingDays() == null ? ReviewVariables.DEFAULT_PUBLICITY_WORKING_DAYS
                        : request.publicityWorkingDays());
        BigDecimal share = request.spotCheckShare() == null ? BigDecimal.ZERO : request.spotCheckShare();
        Campaign campaign = new Campaign(request.year(), deadlines, share, random.nextLong(), null, launchedBy,
                EngineContext.now());
        records.insert(campaign);
        Map<String, Object> variables = new HashMap<>(deadlines.asVariables());
        variables.put(ReviewVariables.REVIEW_YEAR, request.year());
        String instanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, Campaign.businessKey(request.year()),
                variables).getId();
        records.attachInstance(request.year(), instanceId);
        return records.find(request.year()).orElseThrow();
    }

    /** What is wrong with a launch request, in Chinese; empty when it may be launched. */
    public static List<String> check(LaunchRequest r) {
        List<String> problems = new ArrayList<>();
        if (r.year() == null) {
            problems.add("请填写年度（year）");
        } else if (r.year() < 2000 || r.year() > 2100) {
            problems.add("年度（year）应在 2000–2100 之间：" + r.year());
        }
        require(problems, r.planDueBy(), "工作方案报送截止日期（planDueBy）");
        require(problems, r.meetingsDueBy(), "会议完成截止日期（meetingsDueBy）");
        require(problems, r.statisticsDueBy(), "统计表报送截止日期（statisticsDueBy）");
        if (r.year() != null) {
            for (LocalDate date : new LocalDate[] {r.planDueBy(), r.meetingsDueBy(), r.statisticsDueBy()}) {
                if (date != null && (date.getYear() < r.year() || date.getYear() > r.year() + 1)) {
                    problems.add("截止日期须在 " + r.year() + " 年或 " + (r.year() + 1) + " 年内：" + date);
                }
            }
        }
        if (r.planDueBy() != null && r.meetingsDueBy() != null && r.planDueBy().isAfter(r.meetingsDueBy())) {
            problems.add("工作方案报送截止日期不能晚于会议完成截止日期");
        }
        if (r.meetingsDueBy() != null && r.statisticsDueBy() != null && r.meetingsDueBy().isAfter(r.statisticsDueBy())) {
            problems.add("会议完成截止日期不能晚于统计表报送截止日期");
        }
        if (r.publicityWorkingDays() != null && (r.publicityWorkingDays() < 1 || r.publicityWorkingDays() > 30)) {
            problems.add("公示工作日数（publicityWorkingDays）应在 1–30 之间：" + r.publicityWorkingDays());
        }
        if (r.spotCheckShare() != null && (r.spotCheckShare().signum() < 0 || r.spotCheckShare().compareTo(BigDecimal.ONE) > 0)) {
            problems.add("抽查比例（spotCheckShare）应在 0–1 之间：" + r.spotCheckShare());
        }
        return problems;
    }

    private static void require(List<String> problems, Object value, String label) {
        if (value == null) {
            problems.add("请填写" + label);
        }
    }
}
