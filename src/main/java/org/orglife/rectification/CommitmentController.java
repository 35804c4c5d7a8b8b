package org.orglife.rectification;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.CommitmentKept;
import org.orglife.errors.ApiProblem;
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
 * A year's commitments and whether each was kept ({@code /rectification/{cycleId}/commitments}): the
 * secretary records 践诺 on the page, a few members or all at once; whoever sees the branch reads it.
 */
@Controller
@RequestMapping("/rectification/{cycleId}/commitments")
class CommitmentController {

    /** Form fields: {@code k_} and the member id. */
    static final String KEPT = "k_";

    private final Commitments commitments;
    private final ZoneId zone;

    CommitmentController(Commitments commitments, WorkingDayCalendar calendar) {
        this.commitments = commitments;
        this.zone = calendar.zone();
    }

    @GetMapping
    String page(@PathVariable String cycleId, CurrentUser user, Model model) {
        model.addAttribute("cycle", commitments.cycle(cycleId, user));
        model.addAttribute("commitments", commitments.kept(cycleId));
        model.addAttribute("statuses", CommitmentKept.values());
        model.addAttribute("zone", zone);
        return "rectification/commitments";
    }

    @PostMapping
    String record(@PathVariable String cycleId, @RequestParam Map<String, String> form, CurrentUser user,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Map<String, String> kept = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(KEPT)) {
                kept.put(name.substring(KEPT.length()), value);
            }
        });
        try {
            int changed = commitments.record(cycleId, kept, user);
            redirect.addFlashAttribute("notice", changed == 0 ? "践诺情况没有变化" : "已保存 " + changed + " 名党员的践诺情况");
            return "redirect:/rectification/" + cycleId + "/commitments";
        } catch (ApiProblem e) {
            response.setStatus(e.status());
            model.addAttribute("error", e.summary());
            model.addAttribute("details", e.details());
            if (e.status() == 404) {
                return "ballots/message";
            }
            return page(cycleId, user, model);
        }
    }
}
