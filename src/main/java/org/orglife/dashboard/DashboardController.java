package org.orglife.dashboard;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.orglife.campaign.CountyCampaigns;
import org.orglife.cycle.CycleArchive;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.UnknownCycleException;
import org.orglife.errors.ApiProblem;
import org.orglife.escalation.BranchSupervisions;
import org.orglife.escalation.Notifications;
import org.orglife.form.ChoiceLabels;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchVisibility;
import org.orglife.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard (看板): a year's progress over the branches the signed-in person may see (for the county's
 * staff, first its townships ranked), their notifications and the 督办 they hold, the rectification
 * follow-up of their filed lists, and each branch's archive of a year. Server-side pages;
 * charts drawn in the browser with the Chart.js copy served by this application.
 */
@Controller
class DashboardController {

    /** As many 督办 as a township has branches, and more than a page would show at once. */
    static final int SUPERVISIONS_SHOWN = 200;

    private final DashboardView view;
    private final Notifications notifications;
    private final BranchSupervisions supervisions;
    private final BranchVisibility visibility;
    private final ReviewCycleRepository cycles;
    private final CycleArchive archive;
    private final ChoiceLabels choiceLabels;
    private final RectificationDashboard rectification;

    DashboardController(DashboardView view, Notifications notifications, BranchSupervisions supervisions,
            BranchVisibility visibility, ReviewCycleRepository cycles, CycleArchive archive,
            ChoiceLabels choiceLabels, RectificationDashboard rectification) {
        this.view = view;
        this.rectification = rectification;
        this.notifications = notifications;
        this.supervisions = supervisions;
        this.visibility = visibility;
        this.cycles = cycles;
        this.archive = archive;
        this.choiceLabels = choiceLabels;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /**
     * One page of the branches ({@code ?page=&size=}, by code) with the charts over all of them; {@code q}
     * searches code and name, {@code status} and {@code overdue} filter (see {@link DashboardQuery}).
     * Parameters that make no sense are replaced by their default and named in a notice on the page.
     */
    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String year, @RequestParam(required = false) String page,
            @RequestParam(required = false) String size, @RequestParam(required = false) String q,
            @RequestParam(required = false) String status, @RequestParam(required = false) String overdue,
            CurrentUser user, Model model) {
        DashboardQuery query = DashboardQuery.parse(page, size, q, status, overdue);
        int shown = view.latestYear();
        if (year != null && !year.isBlank()) {
            try {
                shown = Integer.parseInt(year.strip());
            } catch (NumberFormatException e) {
                query = query.withNotice("年度「" + DashboardQuery.shorten(year) + "」无效，已显示 " + shown + " 年度");
            }
        }
        model.addAttribute("view", view.of(shown, user, query));
        boolean county = BranchVisibility.overseesCounty(user.groupIds());
        model.addAttribute("county", county);

        model.addAttribute("statuses", DashboardQuery.Status.values());
        model.addAttribute("overdues", DashboardQuery.Overdue.values());
        model.addAttribute("sizes", List.of(DashboardQuery.DEFAULT_SIZE, 100, DashboardQuery.MAX_SIZE));
        model.addAttribute("notifications", notifications.of(user.id(), 20));
        model.addAttribute("supervisions", supervisions.heldBy(user.id(), user.groupIds(), SUPERVISIONS_SHOWN,
                CountyCampaigns.LAUNCH_SUPERVISION_TASK));
        model.addAttribute("user", user);
        return "dashboard";
    }

    /**
     * The rectification follow-up of a year's filed lists (整改销号), the lagging branches first; {@code year}
     * and {@code page} as {@link RectificationDashboard.Query} reads them. A value that makes no sense is
     * answered 400 with the reason on the page.
     */
    @GetMapping("/dashboard/rectification")
    String rectification(@RequestParam(required = false) String year, @RequestParam(required = false) String page,
            CurrentUser user, Model model, HttpServletResponse response) {
        model.addAttribute("user", user);
        try {
            model.addAttribute("view", rectification.of(RectificationDashboard.Query.parse(year, page), user));
        } catch (ApiProblem e) {
            response.setStatus(e.status());
            model.addAttribute("error", e.summary());
        }
        return "dashboard-rectification";
    }

    @GetMapping("/dashboard/branches/{code}/reviews/{year}")
    String archive(@PathVariable String code, @PathVariable int year, CurrentUser user, Model model) {
        Branch branch = visibility.require(code, user);
        var cycle = cycles.find(ReviewVariables.cycleId(year, branch.code()))
                .orElseThrow(() -> new UnknownCycleException(code, year));
        model.addAttribute("branch", branch);
        model.addAttribute("year", year);
        model.addAttribute("sections", ArchiveLabels.sections(archive.read(cycle), choiceLabels));
        return "archive";
    }
}
