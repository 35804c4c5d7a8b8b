package org.orglife.rectification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepContext;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.registry.Member;
import org.springframework.stereotype.Component;

/**
 * 制定整改清单、党员作出整改承诺 (notice 二.6): at least one item for every problem on the committee's
 * list, each with measure, deadline within the year of the meetings and a responsible person, and a
 * commitment from every member. Then the list goes public for N working days.
 */
@Component
class PlanRectificationStep implements ReviewStep {

    static final String FILING_SUBJECT = "FILING";

    private final RectificationRecords rectification;
    private final CycleRecords records;
    private final ReviewCycleRepository cycles;
    private final WorkingDayCalendar calendar;

    PlanRectificationStep(RectificationRecords rectification, CycleRecords records, ReviewCycleRepository cycles,
            WorkingDayCalendar calendar) {
        this.rectification = rectification;
        this.records = records;
        this.cycles = cycles;
        this.calendar = calendar;
    }

    @Override
    public String taskId() {
        return "planRectification";
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        List<RectificationRecords.Item> earlier = rectification.items(context.cycleId());
        List<Map<String, Object>> items = earlier.isEmpty()
                ? records.problems(context.cycleId()).stream().map(p -> FormValues.item("problemId", p.seq(),
                        "problem", p.description(), "measure", null, "deadline", null, "responsible", null)).toList()
                : earlier.stream().map(i -> FormValues.item("problemId", i.problemSeq(), "problem", i.problem(),
                        "measure", i.measure(), "deadline", i.deadline().toString(), "responsible", i.responsible()))
                        .toList();
        Map<String, String> commitments = new java.util.HashMap<>();
        rectification.commitments(context.cycleId()).forEach(c -> commitments.put(c.memberId(), c.content()));
        return new FormValues()
                .put("filingCriticism", cycles.lastReturnReason(context.cycleId(), FILING_SUBJECT))
                .list("rectificationItems", items)
                .list("commitments", context.members().stream().map(m -> FormValues.item("memberId", m.id(),
                        "name", m.name(), "commitment", commitments.get(m.id()))).toList())
                .toMap();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        int rectificationYear = context.year() + 1;
        LocalDate today = LocalDate.ofInstant(context.now(), calendar.zone());
        Map<Integer, String> problems = new java.util.LinkedHashMap<>();
        records.problems(context.cycleId()).forEach(p -> problems.put(p.seq(), p.description()));
        List<RectificationRecords.Item> items = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        for (FormData item : form.list("rectificationItems", "整改清单", i -> null)) {
            Integer problemSeq = item.has("problemId") ? item.count("problemId", "问题编号", false) : null;
            if (problemSeq != null && !problems.containsKey(problemSeq)) {
                item.problem("问题编号 " + problemSeq + " 不在支部委员会的问题清单中");
                problemSeq = null;
            }
            String problem = problemSeq != null ? problems.get(problemSeq) : item.text("problem", "问题", 4000, true);
            String measure = item.text("measure", "整改措施", 4000, true);
            LocalDate deadline = item.date("deadline", "整改时限", true);
            String responsible = item.text("responsible", "责任人", 100, true);
            if (deadline != null && deadline.getYear() != rectificationYear) {
                item.problem("整改时限须在 " + rectificationYear + " 年内：" + deadline);
            }
            if (problemSeq != null && measure != null) {
                covered.add(problemSeq);
            }
            items.add(new RectificationRecords.Item(items.size() + 1, problemSeq, problem, measure, deadline,
                    responsible, false));
        }
        problems.forEach((seq, description) -> {
            if (!covered.contains(seq)) {
                form.problem("问题清单中的每个问题都要有整改措施，缺少：" + description);
            }
        });
        List<RectificationRecords.Commitment> commitments = new ArrayList<>();
        Set<String> committed = new HashSet<>();
        for (FormData item : form.list("commitments", "党员整改承诺", StepContext::memberLabel)) {
            Member member = context.member(item.text("memberId"));
            String content = item.text("commitment", "整改承诺", 2000, true);
            if (member == null) {
                item.problem("不是本支部的党员");
            } else if (content != null && committed.add(member.id())) {
                commitments.add(new RectificationRecords.Commitment(member.id(), content));
            }
        }
        context.members().stream().filter(m -> !committed.contains(m.id())).forEach(m -> form.problem(
                "党员 " + m.name() + "（" + m.id() + "）还没有作出整改承诺"));
        form.rejectIfProblems();
        rectification.savePlan(context.cycleId(), items, commitments);
        context.decide(ReviewVariables.PUBLICITY_ENDS_AT, publicityEnd(context, today));
    }

    /** The publicity period ends when its last working day is over. */
    private Date publicityEnd(StepContext context, LocalDate today) {
        Object days = context.processVariable(ReviewVariables.PUBLICITY_WORKING_DAYS);
        int workingDays = days instanceof Number n ? n.intValue() : ReviewVariables.DEFAULT_PUBLICITY_WORKING_DAYS;
        LocalDate lastDay = calendar.plusWorkingDays(today, workingDays);
        return Date.from(ZonedDateTime.of(lastDay.plusDays(1), LocalTime.MIDNIGHT, calendar.zone()).toInstant());
    }
}
