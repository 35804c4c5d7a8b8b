package org.orglife.rectification;

import java.time.LocalDate;

import java.nio.charset.StandardCharsets;

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
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A filed list's items and how each stands ({@code /rectification/{cycleId}}, 整改销号情况): whoever
 * sees the branch reads it and the materials attached; the secretary attaches a photo or a scan to an
 * item there if they wish ({@link ItemAttachments}); the township office reopens a confirmed item there as
 * 整改不到位. The secretary and the liaison cadre do their part in Tasklist, where the page links.
 */
@Controller
@RequestMapping("/rectification/{cycleId}")
class FollowUpController {

    private final ReviewCycles reviewCycles;
    private final RectificationProgress progress;
    private final RectificationFollowUps followUps;
    private final ItemAttachments attachments;
    private final WorkingDayCalendar calendar;

    FollowUpController(ReviewCycles reviewCycles, RectificationProgress progress, RectificationFollowUps followUps,
            ItemAttachments attachments, WorkingDayCalendar calendar) {
        this.reviewCycles = reviewCycles;
        this.progress = progress;
        this.followUps = followUps;
        this.attachments = attachments;
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
        model.addAttribute("secretary", cycle.isSecretary(user));
        model.addAttribute("attachments", attachments.byItem(cycleId));
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("confirmed", RectificationItemState.CONFIRMED);
        return "rectification/items";
    }

    @PostMapping("/items/{seq}/reopen")
    String reopen(@PathVariable String cycleId, @PathVariable String seq, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String deadline, CurrentUser user, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        return act(cycleId, user, response, model, redirect, () -> {
            followUps.reopen(cycleId, itemNumber(seq), reason, deadline, user);
            return "第 " + seq + " 项已退回重新整改，已通知支部书记";
        });
    }

    @PostMapping("/items/{seq}/attachments")
    String attach(@PathVariable String cycleId, @PathVariable String seq,
            @RequestParam(required = false) MultipartFile file, CurrentUser user, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        return act(cycleId, user, response, model, redirect, () -> {
            attachments.add(cycleId, itemNumber(seq), file == null ? null : file.getOriginalFilename(),
                    file == null ? null : bytes(file), user);
            return "第 " + seq + " 项的材料已上传";
        });
    }

    @PostMapping("/items/{seq}/attachments/{id}/delete")
    String detach(@PathVariable String cycleId, @PathVariable String seq, @PathVariable String id, CurrentUser user,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(cycleId, user, response, model, redirect, () -> {
            attachments.remove(cycleId, itemNumber(seq), attachmentId(id), user);
            return "第 " + seq + " 项的材料已删除";
        });
    }

    @GetMapping("/items/{seq}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable String cycleId, @PathVariable String seq, @PathVariable String id,
            CurrentUser user) {
        ItemAttachments.Content file = attachments.content(cycleId, itemNumber(seq), attachmentId(id), user);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.bytes());
    }

    /** Does the action; on success back to the page with its notice, on refusal the page with the reason. */
    private String act(String cycleId, CurrentUser user, HttpServletResponse response, Model model,
            RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
            return "redirect:/rectification/" + cycleId;
        } catch (ApiProblem e) {
            response.setStatus(e.status());
            model.addAttribute("error", e.summary());
            model.addAttribute("details", e.details());
            if (e.status() == 404 && !e.summary().startsWith("整改清单中没有") && !e.summary().startsWith("没有这个材料")) {
                return "ballots/message";
            }
            return page(cycleId, user, model);
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (java.io.IOException e) {
            throw new FollowUpRefusedException(400, "文件没有传完整，请重新上传");
        }
    }

    private static long attachmentId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new FollowUpRefusedException(404, "没有这个材料");
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
