package org.orglife.rectification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.AuditTrail;
import org.orglife.cycle.BranchCycle;
import org.orglife.cycle.CycleAccess;
import org.orglife.cycle.RectificationItemState;
import org.orglife.cycle.RectificationProgress;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepSchedule;
import org.orglife.engine.AsSystem;
import org.orglife.engine.EngineContext;
import org.orglife.escalation.EscalationRecords;
import org.orglife.identity.Groups;
import org.orglife.registry.Branch;
import org.orglife.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 整改销号 (notice 二.6: 确保整改落实到位), {@code processes/rectification-follow-up.bpmn}: once the township
 * files a branch's list, each item waits for the secretary's 销号 and the liaison cadre's confirmation,
 * due on its deadline's working day and escalated like any step when that passes. The township office
 * may reopen a confirmed item as 整改不到位: a follow-up of that one item starts, with a new deadline.
 *
 * <p>The process model asks this bean for the items to follow and each item's due date.
 */
@Service("rectificationFollowUps")
public class RectificationFollowUps {

    public static final String PROCESS_KEY = "rectification-follow-up";
    /** The element variable of the per-item subprocess: the item's seq in the list. */
    static final String ITEM_SEQ = "itemSeq";
    /** Of a follow-up started by a reopening: the one item it follows. */
    static final String REOPENED_ITEM = "reopenedItem";
    /** The liaison cadre's decision on an item's 销号, local to the item. */
    static final String ITEM_CONFIRMED = "itemConfirmed";
    static final String AUDIT_STEP = "rectificationFollowUp";
    static final int REASON_LENGTH = 500;
    static final int CONFIRM_WORKING_DAYS = 5;

    private final FollowUpRecords records;
    private final RectificationProgress progress;
    private final ReviewCycles reviewCycles;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identities;
    private final CycleAccess access;
    private final WorkingDayCalendar calendar;
    private final StepSchedule schedule;
    private final AuditTrail audit;
    private final EscalationRecords notices;
    private final boolean mail;

    RectificationFollowUps(FollowUpRecords records, RectificationProgress progress, ReviewCycles reviewCycles,
            RuntimeService runtime, TaskService tasks, IdentityService identities, CycleAccess access,
            WorkingDayCalendar calendar, StepSchedule schedule, AuditTrail audit, EscalationRecords notices,
            @Value("${spring.mail.host:}") String mailHost) {
        this.records = records;
        this.progress = progress;
        this.reviewCycles = reviewCycles;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identities = identities;
        this.access = access;
        this.calendar = calendar;
        this.schedule = schedule;
        this.audit = audit;
        this.notices = notices;
        this.mail = !mailHost.isBlank();
    }

    /**
     * At the filing: every item of the list is followed from now on, due on its deadline or the first
     * working day after it. Once per cycle; a list without items starts nothing.
     */
    void startAtFiling(DelegateExecution cycle, Branch branch) {
        // in the filing's own command: AsSystem switches its checks off around the start
        String cycleId = (String) cycle.getVariable(ReviewVariables.CYCLE_ID);
        if (records.followed(cycleId)) {
            return;
        }
        Map<Integer, LocalDate> dueOn = new LinkedHashMap<>();
        progress.items(cycleId).stream().filter(i -> i.state() == null)
                .forEach(i -> dueOn.put(i.seq(), workingDayOnOrAfter(i.deadline())));
        if (records.follow(cycleId, dueOn) == 0) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        for (String name : List.of(ReviewVariables.CYCLE_ID, ReviewVariables.BRANCH_CODE, ReviewVariables.REVIEW_YEAR,
                ReviewVariables.CYCLE_TITLE, ReviewVariables.LIAISON_USERS)) {
            variables.put(name, cycle.getVariable(name));
        }
        start(cycleId, null, variables, branch);
    }

    /** The items a follow-up instance takes: the one reopened, or every item of the list still open. */
    public List<Integer> itemsToFollow(DelegateExecution execution) {
        if (execution.getVariable(REOPENED_ITEM) instanceof Integer seq) {
            return List.of(seq);
        }
        return progress.items((String) execution.getVariable(ReviewVariables.CYCLE_ID)).stream()
                .filter(i -> i.state() == RectificationItemState.OPEN).map(RectificationProgress.Item::seq).toList();
    }

    /** When the item's 整改销号 is due: its due day, at the hour every step is due. */
    public Date dueAt(String cycleId, Integer seq) {
        return Date.from(schedule.at(dueOn(cycleId, seq)).toInstant());
    }

    /** When the liaison cadre's confirmation of a 销号 is due: five working days after it was marked done. */
    public Date confirmDueAt() {
        LocalDate today = LocalDate.ofInstant(EngineContext.now(), calendar.zone());
        return Date.from(schedule.at(calendar.plusWorkingDays(today, CONFIRM_WORKING_DAYS)).toInstant());
    }

    /** From when the item counts as due soon (即将到期). */
    public Date followUpAt(String cycleId, Integer seq) {
        return Date.from(schedule.followUpAt(schedule.at(dueOn(cycleId, seq))).toInstant());
    }

    /**
     * 整改不到位: the township office of the branch's township reopens a confirmed item, with its reason
     * and a new deadline (yyyy-MM-dd, after today, within a year). The secretary is notified; the reopening
     * is in the audit trail. Refused whole, in Chinese, writing nothing.
     */
    @Transactional
    public void reopen(String cycleId, int seq, String reason, String deadline, CurrentUser user) {
        BranchCycle visible = reviewCycles.visibleTo(cycleId, user);
        if (!user.groupIds().contains(Groups.TOWNSHIP_OFFICE)) {
            throw new FollowUpRefusedException(403, "只有镇党委办公室可以认定整改不到位并退回重新整改");
        }
        RectificationProgress.Item item = progress.item(cycleId, seq)
                .orElseThrow(() -> new FollowUpRefusedException(404, "整改清单中没有第 " + seq + " 项"));
        if (item.state() != RectificationItemState.CONFIRMED) {
            throw new FollowUpRefusedException(409, "第 " + seq + " 项尚未确认销号，不能认定整改不到位");
        }
        LocalDate today = LocalDate.ofInstant(EngineContext.now(), calendar.zone());
        List<String> problems = new java.util.ArrayList<>();
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            problems.add("请填写整改不到位的原因");
        } else if (why.length() > REASON_LENGTH) {
            problems.add("整改不到位的原因不能超过 " + REASON_LENGTH + " 字");
        }
        LocalDate newDeadline = newDeadline(deadline, today, problems);
        if (!problems.isEmpty()) {
            throw new FollowUpRefusedException(400, "未退回重新整改，请核对", problems);
        }
        if (!records.reopen(cycleId, seq, why, workingDayOnOrAfter(newDeadline), today, user.id())) {
            throw new FollowUpRefusedException(409, "第 " + seq + " 项刚被他人处理，请刷新后再试");
        }
        Branch branch = visible.branch();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReviewVariables.CYCLE_ID, cycleId);
        variables.put(ReviewVariables.BRANCH_CODE, branch.code());
        variables.put(ReviewVariables.REVIEW_YEAR, visible.cycle().year());
        variables.put(ReviewVariables.CYCLE_TITLE, ReviewVariables.cycleTitle(visible.cycle().year(), branch.name()));
        variables.put(ReviewVariables.LIAISON_USERS, ReviewVariables.liaisonUsers(branch));
        variables.put(REOPENED_ITEM, seq);
        // the follow-up and its grants are the system's: the office may neither start processes nor grant
        AsSystem.call(identities, () -> {
            notifySecretary(start(cycleId, seq, variables, branch), cycleId, seq, item, why, newDeadline, branch);
            return null;
        });
        audit.append(cycleId, AUDIT_STEP, "整改不到位", "第 " + seq + " 项：" + why + "；新的整改时限 " + newDeadline,
                user.id(), EngineContext.now());
    }

    /** The office's new deadline: a date after today and within a year; otherwise null and a problem named. */
    private static LocalDate newDeadline(String deadline, LocalDate today, List<String> problems) {
        if (deadline == null || deadline.isBlank()) {
            problems.add("请填写新的整改时限");
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(deadline.strip());
            if (!day.isAfter(today) || day.isAfter(today.plusYears(1))) {
                problems.add("新的整改时限须在今天之后一年以内：" + day);
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.add("新的整改时限须是日期，格式为 2022-03-31");
            return null;
        }
    }

    private String start(String cycleId, Integer seq, Map<String, Object> variables, Branch branch) {
        String businessKey = cycleId + "-rectification";
        String instanceId = AsSystem.call(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey, variables))
                .getId();
        records.attachInstance(instanceId, cycleId, seq, EngineContext.now());
        access.letBranchRead(instanceId, branch);
        return instanceId;
    }

    private void notifySecretary(String instanceId, String cycleId, int seq, RectificationProgress.Item item,
            String reason, LocalDate deadline, Branch branch) {
        if (branch.secretary() == null) {
            return;
        }
        Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        String secretary = branch.secretary().userId();
        User user = identities.createUserQuery().userId(secretary).singleResult();
        String title = "【整改不到位】" + branch.name() + "整改清单第 " + seq + " 项须重新整改";
        String message = "镇党委认定「" + item.problem() + "」整改不到位：" + reason + "。请于 " + deadline
                + " 前重新整改并销号。";
        notices.notify(secretary, user == null ? null : user.getEmail(), new EscalationRecords.Step(task.getId(),
                cycleId, branch.code(), task.getTaskDefinitionKey(), task.getName(), task.getDueDate().toInstant()),
                0, title, message, mail, EngineContext.now());
    }

    private LocalDate dueOn(String cycleId, Integer seq) {
        return progress.item(cycleId, seq).map(RectificationProgress.Item::dueOn)
                .orElseThrow(() -> new IllegalStateException("no item " + seq + " of " + cycleId));
    }

    private LocalDate workingDayOnOrAfter(LocalDate day) {
        return calendar.plusWorkingDays(day, 0);
    }
}
