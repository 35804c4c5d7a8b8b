package org.orglife.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.CommitmentKept;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.ReviewVariables;
import org.orglife.engine.EngineContext;
import org.orglife.identity.Groups;
import org.orglife.rectification.Commitments;
import org.orglife.rectification.RectificationFollowUps;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.orglife.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * DDG-03's cycle of the year before the demo's, worked through the same forms early that year and filed,
 * with its rectification followed since (整改销号): the item due in April marked done and confirmed, then
 * found 整改不到位 by the office three weeks ago and open again; the item due in May done on time and
 * confirmed; the item due in June never marked done, so the overdue sweep notifies it and puts it under
 * the branch's 督办 at the first start. Most members kept their commitments, one in five partly. DDG-03's members' meeting of the demo year shows these items and
 * a 述职 built from them.
 */
@Component
@ConditionalOnProperty(name = "orglife.demo.campaign", havingValue = "true")
class DemoFollowUp {

    private static final Logger log = LoggerFactory.getLogger(DemoFollowUp.class);

    static final String BRANCH = "DDG-03";

    private final ReviewCycles reviewCycles;
    private final DemoProgress progress;
    private final RectificationFollowUps followUps;
    private final Commitments commitments;
    private final BranchRepository branches;
    private final TaskService tasks;
    private final FormService forms;
    private final WorkingDayCalendar calendar;

    DemoFollowUp(ReviewCycles reviewCycles, DemoProgress progress, RectificationFollowUps followUps,
            Commitments commitments, BranchRepository branches, TaskService tasks, FormService forms,
            WorkingDayCalendar calendar) {
        this.commitments = commitments;
        this.reviewCycles = reviewCycles;
        this.progress = progress;
        this.followUps = followUps;
        this.branches = branches;
        this.tasks = tasks;
        this.forms = forms;
        this.calendar = calendar;
    }

    /** Works the year before {@code year} for DDG-03 and follows its rectification up to {@code now}. */
    void lastYearFiledAndFollowed(int year, Instant now) {
        Branch branch = branches.findByCode(BRANCH).orElse(null);
        if (branch == null) {
            return;
        }
        // last year's work was done early this year, each step the day before the notice's deadline for it
        DemoDates last = DemoDates.around(LocalDate.of(year, 2, 20), calendar);
        String cycleId = ReviewVariables.cycleId(last.year(), BRANCH);
        Instant latest = now.minus(java.time.Duration.ofHours(2));
        try {
            EngineContext.backdateTo(last.launchedAt(calendar.zone()));
            reviewCycles.start(BRANCH, last.year(), Map.of());
            progress.advance(last, BRANCH, "recordPublicityFeedback", latest);
            // the list is made public for its working days, then the township files it and the branch reports
            progress.passPublicity(cycleId);
            progress.advance(last, BRANCH, "none", latest);

            String liaison = branch.liaison().userId();
            markDone(cycleId, 3, "已按月整理会议记录，建立电子台账", at(year, 4, 20, 10));
            confirm(cycleId, 3, liaison, at(year, 4, 24, 15));
            markDone(cycleId, 1, "已坚持每月集中学习，书记领学，学后交流心得", at(year, 5, 22, 10));
            confirm(cycleId, 1, liaison, at(year, 5, 26, 15));

            EngineContext.backdateTo(at(year, 9, 1, 10));
            CurrentUser secretary = new CurrentUser(branch.secretary().userId(), List.of(branch.groupId()),
                    List.of(branch.townshipCode()));
            Map<String, String> kept = new java.util.LinkedHashMap<>();
            List<Commitments.Kept> made = commitments.kept(cycleId);
            for (int i = 0; i < made.size(); i++) {
                kept.put(made.get(i).memberId(), (i % 5 == 4 ? CommitmentKept.PARTLY_KEPT : CommitmentKept.KEPT).name());
            }
            commitments.record(cycleId, kept, secretary);

            Instant reopenedAt = now.minus(java.time.Duration.ofDays(21));
            EngineContext.backdateTo(reopenedAt);
            LocalDate newDeadline = calendar.plusWorkingDays(LocalDate.ofInstant(now, calendar.zone()), 10);
            followUps.reopen(cycleId, 3, "抽查发现 9 月以来会议记录仍不完整，电子台账未及时更新", newDeadline.toString(),
                    new CurrentUser("office", List.of(Groups.TOWNSHIP_OFFICE), List.of(branch.townshipCode())));
            log.info("demo: {}'s {} list filed and followed: one item done, one reopened, one overdue", BRANCH,
                    last.year());
        } catch (RuntimeException e) {
            log.warn("demo: could not work {}'s {} cycle: {}", BRANCH, last.year(), e.getMessage());
        } finally {
            EngineContext.clockBackToNow();
        }
    }

    private void markDone(String cycleId, int seq, String note, Instant at) {
        EngineContext.backdateTo(at);
        forms.submitTaskForm(task(cycleId, "markItemDone", seq).getId(), Map.of("doneNote", note));
    }

    private void confirm(String cycleId, int seq, String liaison, Instant at) {
        EngineContext.backdateTo(at);
        Task task = task(cycleId, "confirmItem", seq);
        tasks.claim(task.getId(), liaison);
        forms.submitTaskForm(task.getId(), Map.of("confirmDecision", "CONFIRM"));
    }

    private Task task(String cycleId, String key, int seq) {
        return tasks.createTaskQuery().processInstanceBusinessKey(cycleId + "-rectification").taskDefinitionKey(key)
                .list().stream().filter(t -> t.getName().contains("第" + seq + "项")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + key + " of item " + seq + " of " + cycleId));
    }

    private Instant at(int year, int month, int day, int hour) {
        return LocalDate.of(year, month, day).atTime(LocalTime.of(hour, 0)).atZone(calendar.zone()).toInstant();
    }
}
