package org.orglife.registry;

import java.util.List;

import org.orglife.errors.ApiProblem;

/** A roster was refused as a whole; nothing of it was written. Each problem names file, line and column. */
public class RosterRejectedException extends ApiProblem {

    private final transient List<RosterProblem> problems;

    public RosterRejectedException(List<RosterProblem> problems) {
        super(400, "花名册有 " + problems.size() + " 处错误，未导入任何数据",
                problems.stream().map(RosterProblem::describe).toList());
        this.problems = List.copyOf(problems);
    }

    public List<RosterProblem> problems() {
        return problems;
    }
}
