package org.orglife.cycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.orglife.engine.EngineContext;
import org.orglife.form.FormData;
import org.orglife.registry.Branch;
import org.orglife.registry.Member;

/** What a step needs of the cycle it works in: the branch, the year, who acts, and the task. */
public class StepContext {

    private final DelegateTask task;
    private final String cycleId;
    private final int year;
    private final String branchCode;
    private final Supplier<Branch> branch;
    private final String userId;
    private final Supplier<List<Member>> members;
    private Branch loadedBranch;
    private List<Member> loadedMembers;

    /** The branch and its members are read when a step first asks for them, most steps never do. */
    StepContext(DelegateTask task, String cycleId, int year, String branchCode, Supplier<Branch> branch,
            String userId, Supplier<List<Member>> members) {
        this.task = task;
        this.cycleId = cycleId;
        this.year = year;
        this.branchCode = branchCode;
        this.branch = branch;
        this.userId = userId;
        this.members = members;
    }

    public String cycleId() {
        return cycleId;
    }

    public int year() {
        return year;
    }

    public String branchCode() {
        return branchCode;
    }

    public Branch branch() {
        if (loadedBranch == null) {
            loadedBranch = branch.get();
        }
        return loadedBranch;
    }

    /** The person completing the task (or "system" when none is signed in, e.g. in a batch). */
    public String userId() {
        return userId;
    }

    public Instant now() {
        return EngineContext.now();
    }

    /**
     * A date of the cycle's meetings and study, planned or held, lies in the year under review or the
     * next (the notice has the year's meetings held early the next year); otherwise the form gets a
     * problem naming the field, e.g. "会议日期须在 2021 年或 2022 年内：2012-02-20".
     */
    public void checkInReviewYears(FormData form, String label, LocalDate date) {
        if (date != null && (date.getYear() < year || date.getYear() > year + 1)) {
            form.problem(label + "须在 " + year + " 年或 " + (year + 1) + " 年内：" + date);
        }
    }

    /** The branch's own members (guests floating in from elsewhere excluded), ordered by id. */
    public List<Member> members() {
        if (loadedMembers == null) {
            loadedMembers = members.get().stream().filter(m -> !m.floatingIn()).toList();
        }
        return loadedMembers;
    }

    /** The own member with this id, or null. */
    public Member member(String id) {
        return id == null ? null : members().stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }

    /** How list items naming a member are labelled in messages: 王建新（DDG01-001）. */
    public static String memberLabel(FormData item) {
        String name = item.text("name");
        String id = item.text("memberId");
        return name == null ? id : name + "（" + id + "）";
    }

    /** Sets a decision the process routes on, on the process instance. */
    public void decide(String variable, Object value) {
        task.getExecution().getProcessInstance().setVariable(variable, value);
    }

    /**
     * Sets a decision the process routes on in the task's own scope: one item of a multi-instance
     * subprocess decides for itself, without touching its siblings' (or writing the instance's row).
     */
    public void decideForItem(String variable, Object value) {
        task.getExecution().setVariableLocal(variable, value);
    }

    /** A variable of the instance (never one of the submission's, which are the task's own). */
    public Object processVariable(String name) {
        return task.getExecution().getVariable(name);
    }

    /** "2021年度 · 大东沟村党支部": the first line of every form. */
    public String title() {
        return ReviewVariables.cycleTitle(year, branch().name());
    }
}
