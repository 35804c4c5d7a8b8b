package org.orglife.rectification;

import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.BranchCycle;
import org.orglife.cycle.RectificationItemState;
import org.orglife.cycle.RectificationProgress;
import org.orglife.cycle.ReviewCycles;
import org.orglife.engine.EngineContext;
import org.orglife.errors.ApiProblem;
import org.orglife.identity.Groups;
import org.orglife.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A filed list's items and how each stands ({@code /rectification/{cycleId}}, 整改销号情况): whoever
 * sees the branch reads it; the township office reopens a confirmed item there as 整改不到位. The
 * secretary and the liaison cadre do their part in Tasklist, where the page links.
 */
@Controller
@RequestMapping("/rectification/{cycleId}")
class FollowUpController {

    private final ReviewCycles reviewCycles;
    private final RectificationProgress progress;
    private final RectificationFollowUps followUps;
    private final WorkingDayCalendar calendar;

    FollowUpController(ReviewCycles reviewCycles, RectificationProgress progress, RectificationFollowUps followUps,
            WorkingDayCalendar calendar) {
        this.reviewCycles = reviewCycles;
        this.progress = progress;
        this.followUps = followUps;
        this.calendar = calendar;
    }

    @GetMapping
    String page(@PathVariable String cycleId, CurrentUser user, Model model) {
        BranchCycle cycle = reviewCycles.visibleTo(cycleId, user);
        LocalDate today = LocalDate.ofInstant(EngineContext.now(), calendar.zone());
        var items = progress.items(cycleId);
        model.addAttribute("cycle", cycle);
        model.addAttribute("items", items);
        model.addAttribute("summary", RectificationProgress.Summary.of(items, today));
        model.addAttribute("today", today);
        model.addAttribute("mayReopen", user.groupIds().contains(Groups.TOWNSHIP_OFFICE));
        model.addAttribute("confirmed", RectificationItemState.CONFIRMED);
        return "rectification/items";
    }

    @PostMapping("/items/{seq}/reopen")
    String reopen(@PathVariable String cycleId, @PathVariable String seq, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String deadline, CurrentUser user, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        try {
            followUps.reopen(cycleId, itemNumber(seq), reason, deadline, user);
            redirect.addFlashAttribute("notice", "第 " + seq + " 项已退回重新整改，已通知支部书记");
            return "redirect:/rectification/" + cycleId;
        } catch (ApiProblem e) {
            response.setStatus(e.status());
            model.addAttribute("error", e.summary());
            model.addAttribute("details", e.details());
            if (e.status() == 404 && !e.summary().startsWith("整改清单中没有")) {
                return "ballots/message";
            }
            return page(cycleId, user, model);
        }
    }

    private static int itemNumber(String seq) {
        try {
            return Integer.parseInt(seq);
        } catch (NumberFormatException e) {
            throw new FollowUpRefusedException(404, "整改清单中没有这一项");
        }
    }
}
