package org.orglife.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.orglife.registry.BranchRepository;
import org.orglife.registry.BranchVisibility;
import org.orglife.registry.CountyProperties;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The county's campaign over {@code /api/county/campaigns}: launched by the county's staff; read by whoever
 * oversees townships, each township's people seeing the county's deadlines and their own township only;
 * the county's summary workbook (a sheet per township and the county's total) for the county's roles.
 */
@RestController
@RequestMapping("/api/county/campaigns")
class CountyCampaignController {

    private final CountyCampaigns countyCampaigns;
    private final CampaignRecords records;
    private final BranchRepository branches;
    private final CountyProperties county;
    private final StatisticsWorkbook workbook;

    CountyCampaignController(CountyCampaigns countyCampaigns, CampaignRecords records, BranchRepository branches,
            CountyProperties county, StatisticsWorkbook workbook) {
        this.countyCampaigns = countyCampaigns;
        this.records = records;
        this.branches = branches;
        this.county = county;
        this.workbook = workbook;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> launch(@RequestBody CountyCampaigns.LaunchRequest request, CurrentUser user) {
        CountyCampaign campaign = countyCampaigns.launch(request, user.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(describe(campaign, user));
    }

    @GetMapping("/{year}")
    Map<String, Object> campaign(@PathVariable int year, CurrentUser user) {
        return describe(find(year), user);
    }

    @GetMapping("/{year}/summary.xlsx")
    void summary(@PathVariable int year, CurrentUser user, HttpServletResponse response) throws java.io.IOException {
        if (!BranchVisibility.overseesCounty(user.groupIds())) {
            throw new AccessDeniedException("county only");
        }
        find(year);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        String name = java.net.URLEncoder.encode(county.name() + year + "年度组织生活会和民主评议党员情况统计表（全县汇总）.xlsx",
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        response.setHeader("Content-Disposition", "attachment; filename=\"county-summary-" + year
                + ".xlsx\"; filename*=UTF-8''" + name);
        workbook.writeCounty(year, county.name(), branches.townships(), response.getOutputStream());
    }

    private CountyCampaign find(int year) {
        return records.findCounty(year).orElseThrow(() -> new UnknownCampaignException("全县", year));
    }

    /** The county's deadlines and rules, and how each township the person oversees stands with its launch. */
    private Map<String, Object> describe(CountyCampaign campaign, CurrentUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", campaign.year());
        body.put("countyName", county.name());
        body.put("planDueBy", campaign.deadlines().planDueBy());
        body.put("meetingsDueBy", campaign.deadlines().meetingsDueBy());
        body.put("statisticsDueBy", campaign.deadlines().statisticsDueBy());
        body.put("publicityWorkingDays", campaign.deadlines().publicityWorkingDays());
        body.put("spotCheckShare", campaign.spotCheckShare());
        body.put("launchWithinWorkingDays", campaign.launchWithinWorkingDays());
        body.put("launchDueBy", campaign.launchDueBy());
        body.put("launchedAt", campaign.launchedAt());
        if (!BranchVisibility.overseesTownships(user)) {
            return body;
        }
        boolean all = BranchVisibility.overseesCounty(user.groupIds());
        Map<String, Campaign> launched = new LinkedHashMap<>();
        records.ofYear(campaign.year()).forEach(c -> launched.put(c.townshipCode(), c));
        List<String> late = records.lateLaunches(campaign.year());
        List<Map<String, Object>> townships = new ArrayList<>();
        branches.townships().forEach((code, name) -> {
            if (all || user.tenantIds().contains(code)) {
                Campaign theirs = launched.get(code);
                Map<String, Object> township = new LinkedHashMap<>();
                township.put("townshipCode", code);
                township.put("townshipName", name);
                township.put("launched", theirs != null);
                township.put("launchedAt", theirs == null ? null : theirs.launchedAt());
                township.put("launchedLate", late.contains(code));
                townships.add(township);
            }
        });
        body.put("townships", townships);
        return body;
    }
}
