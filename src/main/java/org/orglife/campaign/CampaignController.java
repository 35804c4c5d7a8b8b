package org.orglife.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.HistoryService;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepSchedule;
import org.orglife.engine.AsSystem;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchPage;
import org.orglife.registry.BranchVisibility;
import org.orglife.registry.CountyProperties;
import org.orglife.registry.TownshipChoice;
import org.orglife.security.CurrentUser;
import org.orglife.statistics.StatisticsWorkbook;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A township's campaign of the year over {@code /api/campaigns}: launch, read, progress per branch,
 * statistics table. Which township: the one the person works in, or as {@code township} names it (the
 * county's staff, for any township).
 */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final Campaigns campaigns;
    private final CampaignRecords records;
    private final CampaignProgress progress;
    private final BranchVisibility visibility;
    private final StatisticsWorkbook workbook;
    private final CountyProperties county;
    private final TownshipChoice townships;
    private final HistoryService history;
    private final StepSchedule schedule;
    private final org.camunda.bpm.engine.IdentityService identities;

    CampaignController(Campaigns campaigns, CampaignRecords records, CampaignProgress progress,
            BranchVisibility visibility, StatisticsWorkbook workbook, CountyProperties county, TownshipChoice townships,
            HistoryService history, StepSchedule schedule, org.camunda.bpm.engine.IdentityService identities) {
        this.identities = identities;
        this.history = history;
        this.schedule = schedule;
        this.campaigns = campaigns;
        this.records = records;
        this.progress = progress;
        this.visibility = visibility;
        this.workbook = workbook;
        this.county = county;
        this.townships = townships;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> launch(@RequestBody Campaigns.LaunchRequest request, CurrentUser user) {
        Campaign campaign = campaigns.launch(request, townships.of(user, request.townshipCode()), user.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(describe(campaign));
    }

    /**
     * The campaign as the township launched it; a branch's people (secretaries, liaison cadres, area
     * chiefs) see only their part: the deadlines and their own branches' reviews. Which branches are
     * drawn for spot checks and unannounced visits (随机抽查、明察暗访), the share and the draw's seed stay
     * with the township, or the checks would be announced.
     */
    @GetMapping("/{year}")
    Map<String, Object> campaign(@PathVariable int year, CurrentUser user,
            @RequestParam(required = false) String township) {
        Campaign campaign = find(year, townships.of(user, township));
        if (BranchVisibility.overseesTownships(user)) {
            return describe(campaign);
        }
        Set<String> theirs = visibility.visibleTo(user).stream().map(Branch::code)
                .collect(Collectors.toSet());
        Map<String, Object> body = deadlines(campaign);
        body.put("branchReviews", reviews(campaign).stream().filter(r -> theirs.contains(r.get("branchCode"))).toList());
        return body;
    }

    private Map<String, Object> describe(Campaign campaign) {
        Map<String, Object> body = deadlines(campaign);
        body.put("spotCheckShare", campaign.spotCheckShare());
        body.put("spotCheckSeed", campaign.spotCheckSeed());
        body.put("processInstanceId", campaign.processInstanceId());
        body.put("launchedBy", campaign.launchedBy());
        body.put("launchedAt", campaign.launchedAt());
        body.put("spotChecks", records.spotCheckedBranches(campaign.townshipCode(), campaign.year()));
        body.put("warnings", schedule.warnings(campaign.deadlines()));
        body.put("branchReviews", reviews(campaign));
        return body;
    }

    /** What every branch is told: the year and its deadlines. */
    private Map<String, Object> deadlines(Campaign campaign) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", campaign.year());
        body.put("townshipCode", campaign.townshipCode());
        body.put("townshipName", county.townshipName(campaign.townshipCode()));
        body.put("planDueBy", campaign.deadlines().planDueBy());
        body.put("meetingsDueBy", campaign.deadlines().meetingsDueBy());
        body.put("statisticsDueBy", campaign.deadlines().statisticsDueBy());
        body.put("publicityWorkingDays", campaign.deadlines().publicityWorkingDays());
        return body;
    }

    /** The branches taking part, as the campaign decided when it started. */
    @SuppressWarnings("unchecked")
    private List<Map<String, String>> reviews(Campaign campaign) {
        var variable = AsSystem.call(identities, () -> history.createHistoricVariableInstanceQuery()
                .processInstanceId(campaign.processInstanceId()).variableName(CampaignVariables.BRANCH_CODES).singleResult());
        List<String> codes = variable == null ? List.of() : (List<String>) variable.getValue();
        return codes.stream().map(code -> Map.of("branchCode", code,
                "businessKey", ReviewVariables.cycleId(campaign.year(), code))).toList();
    }

    /** Every branch's open steps, by branch code, a page at a time ({@link BranchPage}). */
    @GetMapping("/{year}/progress")
    ResponseEntity<List<CampaignProgress.BranchProgress>> progress(@PathVariable int year, CurrentUser user,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + BranchPage.DEFAULT_SIZE) int size, UriComponentsBuilder self) {
        BranchPage asked = new BranchPage(page, size);
        BranchVisibility.Scope scope = visibility.scope(user);
        if (records.ofYear(year).isEmpty()) {
            throw new UnknownCampaignException("", year);
        }
        return asked.answer(progress.page(year, scope, asked), progress.count(year, scope),
                self.path("/api/campaigns/" + year + "/progress"));
    }

    @GetMapping("/{year}/statistics.xlsx")
    void statistics(@PathVariable int year, CurrentUser user, @RequestParam(required = false) String township,
            HttpServletResponse response) throws java.io.IOException {
        if (!BranchVisibility.overseesTownships(user)) {
            throw new AccessDeniedException("township only");
        }
        Campaign campaign = find(year, townships.of(user, township));
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String name = java.net.URLEncoder.encode(county.townshipName(campaign.townshipCode()) + year + "年度组织生活会和民主评议党员情况统计表.xlsx",
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        response.setHeader("Content-Disposition", "attachment; filename=\"statistics-" + campaign.townshipCode() + "-"
                + year + ".xlsx\"; filename*=UTF-8''" + name);
        workbook.write(year, campaign.townshipCode(), county.townshipName(campaign.townshipCode()),
                response.getOutputStream());
    }

    private Campaign find(int year, String township) {
        return records.find(township, year)
                .orElseThrow(() -> new UnknownCampaignException(county.townshipName(township), year));
    }
}
