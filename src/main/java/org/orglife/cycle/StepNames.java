package org.orglife.cycle;

/**
 * A step's task as Tasklist lists it names whose it is, so that a liaison cadre's list and a task's
 * header tell branches apart: 制定工作方案（西岭村党支部）. Our records keep the step's own name
 * ({@link #step}), as the process model has it.
 */
public final class StepNames {

    private StepNames() {
    }

    /** The task's name: the step, then the branch in brackets. */
    public static String withBranch(String step, String branchName) {
        return step + "（" + branchName + "）";
    }

    /** The step's own name from a task's name, with or without the branch (tasks opened before it was named). */
    public static String step(String taskName) {
        if (taskName == null || !taskName.endsWith("）")) {
            return taskName;
        }
        int open = taskName.lastIndexOf('（');
        return open > 0 ? taskName.substring(0, open) : taskName;
    }
}
