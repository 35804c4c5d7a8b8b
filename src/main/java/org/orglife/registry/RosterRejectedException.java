package org.orglife.registry;

import java.util.List;

/** A roster was refused as a whole; nothing of it was written. */
public class RosterRejectedException extends RuntimeException {

    private final transient List<RosterProblem> problems;

    public RosterRejectedException(List<RosterProblem> problems) {
        super("花名册有 " + problems.size() + " 处错误，未导入任何数据");
        this.problems = List.copyOf(problems);
    }

    public List<RosterProblem> problems() {
        return problems;
    }

    public List<String> details() {
        return problems.stream().map(RosterProblem::describe).toList();
    }
}
