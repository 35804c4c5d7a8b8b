package org.orglife.ballot;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.BranchCycle;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.errors.ApiProblem;
import org.orglife.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The ballot of a cycle for those who may see its branch, signed in: the secretary opens it (recording
 * attendance), prints its slips, shows the count on a projector, closes or voids it; the liaison cadre
 * follows the count; the township and county see each ballot's status and counts. Tallies show only
 * once a ballot is closed.
 */
@Controller
@RequestMapping("/ballots")
class BallotController {

    private final Ballots ballots;
    private final ReviewCycleRepository cycles;
    private final ZoneId zone;
    private final String publicUrl;

    BallotController(Ballots ballots, ReviewCycleRepository cycles, WorkingDayCalendar calendar,
            @Value("${orglife.ballot.public-url:}") String publicUrl) {
        this.ballots = ballots;
        this.cycles = cycles;
        this.zone = calendar.zone();
        this.publicUrl = publicUrl;
    }

    /** The year's ballots in the person's view (the latest year by default): status and counts of codes, never a tally. */
    @GetMapping
    String list(@RequestParam(required = false) Integer year, CurrentUser user, Model model) {
        int shown = year == null ? cycles.latestYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("ballots", ballots.ofYear(shown, user));
        model.addAttribute("zone", zone);
        return "ballots/list";
    }

    @GetMapping("/{cycleId}")
    String ballot(@PathVariable String cycleId, CurrentUser user, Model model) {
        return page(cycleId, user, model);
    }

    @PostMapping("/{cycleId}/open")
    String open(@PathVariable String cycleId, @RequestParam Map<String, String> form, CurrentUser user,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            Ballot ballot = ballots.open(cycleId, prefixed(form, "a_"), prefixed(form, "r_"), user);
            redirect.addFlashAttribute("notice", "在线测评已开启，共生成票码 " + ballot.codesIssued() + " 张。请打印票码条，裁开后随机发放");
            return "redirect:/ballots/" + cycleId;
        } catch (ApiProblem e) {
            model.addAttribute("entered", prefixed(form, "a_"));
            model.addAttribute("enteredReasons", prefixed(form, "r_"));
            return refused(e, cycleId, user, response, model);
        }
    }

    @PostMapping("/{cycleId}/close")
    String close(@PathVariable String cycleId, CurrentUser user, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        try {
            Ballot ballot = ballots.close(cycleId, user);
            redirect.addFlashAttribute("notice", "测评已结束（" + ballot.count() + "），票数已填入「召开党员大会」表单");
            return "redirect:/ballots/" + cycleId;
        } catch (ApiProblem e) {
            return refused(e, cycleId, user, response, model);
        }
    }

    @PostMapping("/{cycleId}/void")
    String voidBallot(@PathVariable String cycleId, @RequestParam(required = false) String reason, CurrentUser user,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            ballots.voidBallot(cycleId, reason, user);
            redirect.addFlashAttribute("notice", "测评已作废，原因已记入操作记录。可以重新开启测评");
            return "redirect:/ballots/" + cycleId;
        } catch (ApiProblem e) {
            return refused(e, cycleId, user, response, model);
        }
    }

    /** The A4 sheet of slips: the secretary's alone, while the ballot is open. */
    @GetMapping("/{cycleId}/slips")
    String slips(@PathVariable String cycleId, CurrentUser user, HttpServletResponse response, Model model) {
        try {
            BranchCycle cycle = ballots.cycle(cycleId, user);
            List<String> codes = ballots.codesToPrint(cycle, user);
            model.addAttribute("cycle", cycle);
            model.addAttribute("slips", BallotSlips.of(codes, baseUrl()));
            model.addAttribute("enterUrl", baseUrl() + "/ballot");
            return "ballots/slips";
        } catch (ApiProblem e) {
            return refused(e, cycleId, user, response, model);
        }
    }

    /** The count for a projector, refreshed by the page itself. */
    @GetMapping("/{cycleId}/screen")
    String screen(@PathVariable String cycleId, CurrentUser user, Model model) {
        BranchCycle cycle = ballots.cycle(cycleId, user);
        model.addAttribute("cycle", cycle);
        model.addAttribute("ballot", ballots.current(cycleId).orElse(null));
        return "ballots/screen";
    }

    @GetMapping("/{cycleId}/count")
    @ResponseBody
    ResponseEntity<Map<String, Object>> count(@PathVariable String cycleId, CurrentUser user) {
        ballots.cycle(cycleId, user);
        Map<String, Object> count = new LinkedHashMap<>();
        ballots.current(cycleId).ifPresentOrElse(ballot -> {
            count.put("status", ballot.status().name());
            count.put("statusLabel", ballot.status().label());
            count.put("cast", ballot.codesCast());
            count.put("issued", ballot.codesIssued());
        }, () -> {
            count.put("status", "NONE");
            count.put("statusLabel", "尚未开启在线测评");
        });
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(count);
    }

    private String refused(ApiProblem e, String cycleId, CurrentUser user, HttpServletResponse response, Model model) {
        response.setStatus(e.status());
        model.addAttribute("error", e.summary());
        model.addAttribute("details", e.details());
        if (e.status() == 404) {
            return "ballots/message";
        }
        return page(cycleId, user, model);
    }

    private String page(String cycleId, CurrentUser user, Model model) {
        BranchCycle cycle = ballots.cycle(cycleId, user);
        var current = ballots.current(cycleId).orElse(null);
        boolean secretary = cycle.isSecretary(user);
        model.addAttribute("cycle", cycle);
        model.addAttribute("secretary", secretary);
        model.addAttribute("ballot", current);
        model.addAttribute("history", ballots.ballots(cycleId).stream().filter(b -> b.status() == BallotStatus.VOIDED)
                .toList());
        model.addAttribute("tallies", current != null && current.status() == BallotStatus.CLOSED
                ? ballots.tallies(current) : List.of());
        boolean meetingOpen = ballots.meetingOpen(cycle);
        model.addAttribute("meetingOpen", meetingOpen);
        model.addAttribute("voters", secretary && current == null && meetingOpen ? ballots.voters(cycle) : List.of());
        model.addAttribute("zone", zone);
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of());
            model.addAttribute("enteredReasons", Map.of());
        }
        return "ballots/ballot";
    }

    private String baseUrl() {
        return publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                : publicUrl.replaceAll("/+$", "");
    }

    private static Map<String, String> prefixed(Map<String, String> form, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                values.put(name.substring(prefix.length()), value);
            }
        });
        return values;
    }
}
