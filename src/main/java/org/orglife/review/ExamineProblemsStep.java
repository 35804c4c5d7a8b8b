package org.orglife.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.CycleRecords.Problem;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.StepContext;
import org.orglife.form.Choices.FoundBy;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.springframework.stereotype.Component;

/**
 * 查摆问题 (notice 二.3): the committee's problem list, at least one item, each with how it was found.
 * Members' own problems are only counted: no member is made to write material. The committee examines
 * itself against last year's rectification, so the form shows last year's items and how each stands.
 */
@Component
class ExamineProblemsStep implements ReviewStep {

    private final CycleRecords records;
    private final LastYearsRectification lastYear;

    ExamineProblemsStep(CycleRecords records, LastYearsRectification lastYear) {
        this.records = records;
        this.lastYear = lastYear;
    }

    @Override
    public String taskId() {
        return "examineProblems";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        List<Problem> existing = records.problems(context.cycleId());
        List<Map<String, Object>> items = existing.isEmpty()
                ? List.of(FormValues.item("problemId", null, "category", null, "description", null, "foundBy", null))
                : existing.stream().map(p -> FormValues.item("problemId", p.seq(), "category", p.category(),
                        "description", p.description(), "foundBy", p.foundBy().name())).toList();
        return new FormValues().put("lastYearsItems", lastYear.of(context).itemLines())
                .list("committeeProblems", items).put("memberProblemCount", null).toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        List<Problem> problems = new ArrayList<>();
        for (FormData item : form.list("committeeProblems", "支部委员会问题清单", i -> null)) {
            String category = item.text("category", "问题类别", 100, false);
            String description = item.text("description", "问题描述", 4000, category != null || item.has("foundBy"));
            FoundBy foundBy = item.choice("foundBy", "查找方式", FoundBy.class, description != null);
            if (description != null && foundBy != null) {
                problems.add(new Problem(problems.size() + 1, category, description, foundBy));
            }
        }
        if (problems.isEmpty()) {
            form.problem("支部委员会问题清单至少要有一个问题");
        }
        Integer memberProblems = form.has("memberProblemCount") ? form.count("memberProblemCount", "党员查摆问题数", false)
                : null;
        form.rejectIfProblems();
        records.saveProblems(context.cycleId(), problems, memberProblems);
    }
}
