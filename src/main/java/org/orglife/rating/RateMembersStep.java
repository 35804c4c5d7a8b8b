package org.orglife.rating;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.orglife.cycle.CycleRecords;
import org.orglife.cycle.CycleRecords.Tally;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewStep;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepContext;
import org.orglife.form.FormData;
import org.orglife.form.FormValues;
import org.orglife.registry.BranchRepository;
import org.orglife.registry.Member;
import org.orglife.registry.MemberRepository;
import org.springframework.stereotype.Component;

/**
 * 评定等次并反馈本人 (notice 二.5): each formal member's grade, pre-selected from the democratic appraisal
 * ({@link SuggestedGrades}) for the secretary to confirm or change, with a basis where it says something the
 * tallies do not, and the feedback to the member (one tick for all), checked against R1–R4
 * ({@link RatingRules}, the eligibility table); opinions on floating members (R5) are recorded here
 * too: typed in for members who flowed to an outside organization, given for guests from other
 * branches of the township (forwarded to their home branch afterwards). Beside each member stands last
 * year's commitment and whether it was kept (践诺), where the branch recorded one.
 */
@Component
class RateMembersStep implements ReviewStep {

    static final String EXCEPTION_SUBJECT = "EXCELLENT_EXCEPTION";

    private final RatingRecords ratings;
    private final CycleRecords records;
    private final RatingEligibility eligibility;
    private final MemberRepository members;
    private final BranchRepository branches;
    private final ReviewCycleRepository cycles;

    RateMembersStep(RatingRecords ratings, CycleRecords records, RatingEligibility eligibility, MemberRepository members,
            BranchRepository branches, ReviewCycleRepository cycles) {
        this.ratings = ratings;
        this.records = records;
        this.eligibility = eligibility;
        this.members = members;
        this.branches = branches;
        this.cycles = cycles;
    }

    @Override
    public String taskId() {
        return "rateMembers";
    }

    private List<RatingRules.Candidate> candidates(StepContext context) {
        RatingEligibility.Table table = eligibility.table(context.year());
        return context.members().stream()
                .map(m -> new RatingRules.Candidate(m.id(), m.name(), m.isFormal(), table.of(m)))
                .toList();
    }

    @Override
    public Map<String, Object> prefill(StepContext context) {
        List<RatingRules.Candidate> candidates = candidates(context);
        List<Tally> tallyList = records.tallies(context.cycleId());
        Map<String, Tally> tallies = tallyList.stream().collect(Collectors.toMap(Tally::memberId, t -> t));
        Map<String, Grade> suggested = SuggestedGrades.of(candidates, tallyList);
        Map<String, RatingRecords.Rating> earlier = ratings.ratings(context.cycleId()).stream()
                .collect(Collectors.toMap(RatingRecords.Rating::memberId, r -> r));
        int formal = (int) candidates.stream().filter(RatingRules.Candidate::formal).count();
        Map<String, String> lastCommitments = records.lastYearsCommitments(context.branchCode(), context.year());
        List<Map<String, Object>> items = candidates.stream().filter(c -> c.eligibility().graded()).map(c -> {
            RatingRecords.Rating r = earlier.get(c.memberId());
            Tally t = tallies.get(c.memberId());
            Grade suggestion = suggested.get(c.memberId());
            Grade grade = r != null ? r.grade() : suggestion;
            return FormValues.item("memberId", c.memberId(), "name", c.name(),
                    "tallySummary", t == null ? "未录入测评票" : t.summary(),
                    "suggestedGrade", suggestion == null ? null : suggestion.name(),
                    "eligibility", c.eligibility().note() == null ? "" : c.eligibility().note(),
                    "lastCommitment", lastCommitments.getOrDefault(c.memberId(), ""),
                    "grade", grade == null ? null : grade.name(), "basis", r == null ? null : r.basis(),
                    "feedbackGiven", r != null && r.feedbackGiven());
        }).toList();
        boolean allFeedbackGiven = !earlier.isEmpty() && earlier.values().stream()
                .allMatch(RatingRecords.Rating::feedbackGiven);
        String notGraded = candidates.stream().filter(c -> !c.eligibility().graded())
                .map(c -> c.name() + "（" + c.eligibility().note() + "）").collect(Collectors.joining("\n"));
        return new FormValues()
                .put("ratingReturnReason", cycles.lastReturnReason(context.cycleId(), EXCEPTION_SUBJECT))
                .put("excellentCap", "本支部正式党员 " + formal + " 名，评为优秀的一般不超过 "
                        + RatingRules.excellentCap(formal) + " 名" + attendanceRate(context))
                .put("allFeedbackGiven", allFeedbackGiven)
                .list("ratings", items)
                .put("notGradedSummary", notGraded.isEmpty() ? "无" : notGraded)
                .put("guestOpinionsReceived", FloatingOpinions.receivedSummary(context.year(), context.members(), ratings, branches))
                .list("outsideOpinions", floatingToOutside(context).stream().map(m -> FormValues.item(
                        "memberId", m.id(), "name", m.name(), "inflowOrg", m.inflowOrg(),
                        "opinion", ratings.floatingOpinion(context.year(), m.id())
                                .map(RatingRecords.FloatingOpinion::opinion).orElse(null)))
                        .toList())
                .list("guests", members.findFloatingInto(context.branchCode()).stream().map(m -> FormValues.item(
                        "memberId", m.id(), "name", m.name(),
                        "homeBranch", branches.findByCode(m.branchCode()).map(b -> b.name()).orElse(m.branchCode()),
                        "opinion", null, "suggestedGrade", null))
                        .toList())
                .put("excellentExceptionReason", ratings.exceptionReason(context.cycleId()).orElse(null))
                .toMap();
    }

    /** Shown for information only: the notice forbids chasing attendance rates. */
    private String attendanceRate(StepContext context) {
        var attendance = records.attendance(context.cycleId());
        if (attendance.isEmpty()) {
            return "";
        }
        long present = attendance.stream().filter(a -> a.attendance() == org.orglife.form.Choices.Attendance.PRESENT)
                .count();
        long remote = attendance.stream().filter(a -> a.attendance() == org.orglife.form.Choices.Attendance.REMOTE)
                .count();
        return String.format("；党员大会到会 %d 名、远程参会 %d 名，到会率 %.1f%%（仅供参考）", present, remote,
                100.0 * (present + remote) / attendance.size());
    }

    private List<Member> floatingToOutside(StepContext context) {
        return context.members().stream()
                .filter(m -> m.floatingOut() && branches.findByCode(m.inflowOrg()).isEmpty())
                .toList();
    }

    @Override
    public void complete(StepContext context, FormData form) {
        List<RatingRules.Candidate> candidates = candidates(context);
        List<RatingRules.Submitted> submitted = new ArrayList<>();
        boolean allFeedbackGiven = form.bool("allFeedbackGiven");
        for (FormData item : form.list("ratings", "评定等次", StepContext::memberLabel)) {
            submitted.add(new RatingRules.Submitted(item.text("memberId"),
                    item.choice("grade", "等次", Grade.class, false), item.text("basis", "评定依据", 2000, false),
                    allFeedbackGiven || item.bool("feedbackGiven")));
        }
        String exceptionReason = form.text("excellentExceptionReason", "优秀比例超过三分之一的书面理由", 4000, false);
        RatingRules.Verdict verdict = RatingRules.check(candidates, submitted,
                SuggestedGrades.of(candidates, records.tallies(context.cycleId())), exceptionReason != null);
        verdict.problems().forEach(form::problem);
        List<RatingRecords.FloatingOpinion> opinions = new ArrayList<>();
        for (FormData item : form.list("outsideOpinions", "流入地党组织意见", StepContext::memberLabel)) {
            Member m = context.member(item.text("memberId"));
            String opinion = item.text("opinion", "流入地党组织意见", 4000, false);
            if (m == null || !m.floatingOut()) {
                item.problem("不是本支部的流出党员");
            } else if (opinion != null) {
                opinions.add(new RatingRecords.FloatingOpinion(context.year(), m.id(), null, m.inflowOrg(), opinion,
                        null, null));
            }
        }
        List<String> guestIds = members.findFloatingInto(context.branchCode()).stream().map(Member::id).toList();
        for (FormData item : form.list("guests", "对流入党员的评议意见", StepContext::memberLabel)) {
            String memberId = item.text("memberId");
            String opinion = item.text("opinion", "评议意见", 4000, false);
            Grade suggested = item.choice("suggestedGrade", "建议等次", Grade.class, false);
            if (!guestIds.contains(memberId)) {
                item.problem("不是流入本支部的党员");
            } else if (opinion != null) {
                opinions.add(new RatingRecords.FloatingOpinion(context.year(), memberId, context.branchCode(),
                        context.branch().name(), opinion, suggested, null));
            }
        }
        form.rejectIfProblems();

        ratings.saveRatings(context.cycleId(), submitted.stream().filter(s -> s.grade() != null)
                .map(s -> new RatingRecords.Rating(s.memberId(), s.grade(), s.basis(), s.feedbackGiven()))
                .toList(), context.userId(), context.now());
        opinions.forEach(o -> ratings.saveFloatingOpinion(o, context.userId(), context.now()));
        if (verdict.needsException()) {
            ratings.saveException(context.cycleId(), exceptionReason, verdict.excellent(), verdict.cap());
        } else {
            ratings.deleteException(context.cycleId());
        }
        context.decide(ReviewVariables.EXCELLENT_EXCEPTION_REQUESTED, verdict.needsException());
    }
}
