package org.orglife.ballot;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.orglife.engine.EngineContext;
import org.orglife.rating.Grade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ballot page a member opens from a slip, on a phone, without signing in: {@code /ballot/{code}}
 * lists the members to appraise with the four grades; the choices are reviewed, confirmed and cast;
 * the code is then spent. {@code /ballot} takes a typed code. Choices travel only in request bodies,
 * never in an address or a log line. Wrong codes are limited per client ({@link WrongCodeLimit}).
 */
@Controller
@RequestMapping("/ballot")
class VotingController {

    private static final Logger log = LoggerFactory.getLogger(VotingController.class);
    /** Form fields of the choices: {@code m_} and the member id. */
    static final String CHOICE = "m_";

    private final Ballots ballots;
    private final WrongCodeLimit limit;

    VotingController(Ballots ballots, WrongCodeLimit limit) {
        this.ballots = ballots;
        this.limit = limit;
    }

    @GetMapping
    String enter(@RequestParam(required = false) String code, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        noStore(response);
        if (code == null) {
            return "ballot/enter";
        }
        String normalized = BallotCodes.normalize(code);
        if (normalized == null) {
            return refused(new BallotRefusedException(400, BallotCodes.FORMAT_HINT), request, response, model);
        }
        return "redirect:/ballot/" + normalized;
    }

    @GetMapping("/{code}")
    String ballot(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        return attempt(request, response, model, () -> {
            model.addAttribute("voting", ballots.voting(code));
            model.addAttribute("chosen", Map.of());
            return "ballot/vote";
        });
    }

    /** The choices to review before they are cast; all members must have one. */
    @PostMapping("/{code}/review")
    String review(@PathVariable String code, @RequestParam Map<String, String> form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return attempt(request, response, model, () -> {
            Ballots.Voting voting = ballots.voting(code);
            Map<String, String> choices = choices(form);
            model.addAttribute("voting", voting);
            model.addAttribute("chosen", choices);
            try {
                Map<String, Grade> checked = ballots.checkChoices(voting, choices);
                model.addAttribute("review", voting.members().stream()
                        .map(m -> new Reviewed(m, checked.get(m.memberId()))).toList());
                return "ballot/review";
            } catch (BallotRefusedException e) {
                response.setStatus(e.status());
                model.addAttribute("error", e.summary());
                return "ballot/vote";
            }
        });
    }

    /** Back from the review to change the choices. */
    @PostMapping("/{code}/edit")
    String edit(@PathVariable String code, @RequestParam Map<String, String> form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return attempt(request, response, model, () -> {
            model.addAttribute("voting", ballots.voting(code));
            model.addAttribute("chosen", choices(form));
            return "ballot/vote";
        });
    }

    @PostMapping("/{code}")
    String cast(@PathVariable String code, @RequestParam Map<String, String> form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        return attempt(request, response, model, () -> {
            closeWhenAllCast(ballots.cast(code, choices(form)));
            return "ballot/done";
        });
    }

    /** A member on the review page with the grade chosen. */
    record Reviewed(Ballots.Appraised member, Grade grade) {
    }

    /**
     * After a vote, committed: the ballot closes if no code is left. The vote is counted whatever
     * happens here; a close by the secretary at the same moment wins.
     */
    private void closeWhenAllCast(String ballotId) {
        try {
            ballots.closeWhenAllCast(ballotId);
        } catch (RuntimeException e) {
            log.info("ballot {} not closed after its last code: {}", ballotId, e.getMessage());
        }
    }

    private interface Page {
        String render();
    }

    /** A page of a code: not kept by the phone, refused to a client over its limit of wrong codes. */
    private String attempt(HttpServletRequest request, HttpServletResponse response, Model model, Page page) {
        noStore(response);
        String client = request.getRemoteAddr();
        if (!limit.allows(client, EngineContext.now())) {
            response.setStatus(429);
            model.addAttribute("message", "输入错误的票码次数过多，请 " + limit.minutesToWait(client, EngineContext.now())
                    + " 分钟后再试，或向党支部书记核对票码");
            return "ballot/message";
        }
        model.addAttribute("grades", Grade.values());
        try {
            return page.render();
        } catch (BallotRefusedException e) {
            return refused(e, request, response, model);
        }
    }

    private String refused(BallotRefusedException e, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        if (e.status() == 404 || e.getMessage().startsWith(BallotCodes.FORMAT_HINT)) {
            limit.missed(request.getRemoteAddr(), EngineContext.now());
        }
        response.setStatus(e.status());
        model.addAttribute("message", e.summary());
        model.addAttribute("details", e.details());
        return "ballot/message";
    }

    private static Map<String, String> choices(Map<String, String> form) {
        Map<String, String> choices = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(CHOICE)) {
                choices.put(name.substring(CHOICE.length()), value);
            }
        });
        return choices;
    }

    /** Nothing of a ballot page is kept by the phone's browser or a proxy. */
    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
