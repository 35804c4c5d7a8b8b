package org.orglife.rating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rating rules of the notice (SPEC R1–R4) as plain Java: given the branch's members with their
 * eligibility and the submitted grades, which rules are broken and whether the one-third cap on
 * 优秀 needs the township office's approval.
 */
public final class RatingRules {

    /** A member of the branch: formal or probationary, with what the eligibility table says. */
    public record Candidate(String memberId, String name, boolean formal, Eligibility eligibility) {
    }

    /** A submitted grade (null when none was chosen) and its basis. */
    public record Submitted(String memberId, Grade grade, String basis) {
    }

    /** The outcome: the broken rules (empty when none), the count of 优秀 and its cap. */
    public record Verdict(List<String> problems, int excellent, int cap, boolean needsException) {

        public boolean accepted() {
            return problems.isEmpty();
        }
    }

    /** R2: ⌊N/3⌋, N = formal members whose membership is in the branch. */
    public static int excellentCap(int formalMembers) {
        return formalMembers / 3;
    }

    public static Verdict check(List<Candidate> candidates, List<Submitted> ratings, boolean exceptionReasonGiven) {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        candidates.forEach(c -> byId.put(c.memberId(), c));
        Map<String, Submitted> submitted = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Submitted s : ratings) {
            if (!byId.containsKey(s.memberId())) {
                unknown.add(s.memberId());
            } else if (s.grade() != null || s.basis() != null) {
                submitted.put(s.memberId(), s);
            }
        }
        if (!unknown.isEmpty()) {
            problems.add("以下编号不是本支部的党员：" + String.join("、", unknown));
        }
        List<String> notToBeGraded = names(candidates, c -> !c.eligibility().graded()
                && submitted.containsKey(c.memberId()) && submitted.get(c.memberId()).grade() != null,
                c -> c.name() + "（" + c.eligibility().note() + "）");
        if (!notToBeGraded.isEmpty()) {
            problems.add("以下党员不评定等次（R3、R4），不能给出等次：" + String.join("、", notToBeGraded));
        }
        List<String> missing = names(candidates, c -> c.eligibility().graded()
                && (!submitted.containsKey(c.memberId()) || submitted.get(c.memberId()).grade() == null), Candidate::name);
        if (!missing.isEmpty()) {
            problems.add("以下党员还没有评定等次（R1）：" + String.join("、", missing));
        }
        List<String> aboveCeiling = names(candidates, c -> c.eligibility().graded()
                && c.eligibility().highestGrade() != null && submitted.containsKey(c.memberId())
                && submitted.get(c.memberId()).grade() != null
                && submitted.get(c.memberId()).grade().isAbove(c.eligibility().highestGrade()),
                c -> c.name() + "（" + c.eligibility().note() + "）");
        if (!aboveCeiling.isEmpty()) {
            problems.add("以下受处分党员的等次超出了可评的最高等次（R4）：" + String.join("、", aboveCeiling));
        }
        List<String> noBasis = names(candidates, c -> c.eligibility().graded() && submitted.containsKey(c.memberId())
                && submitted.get(c.memberId()).grade() != null && submitted.get(c.memberId()).basis() == null,
                Candidate::name);
        if (!noBasis.isEmpty()) {
            problems.add("以下党员请填写评定依据（日常表现和测评结果）：" + String.join("、", noBasis));
        }
        int formal = (int) candidates.stream().filter(Candidate::formal).count();
        int cap = excellentCap(formal);
        List<String> excellent = names(candidates, c -> submitted.containsKey(c.memberId())
                && submitted.get(c.memberId()).grade() == Grade.EXCELLENT, Candidate::name);
        boolean overCap = excellent.size() > cap;
        if (overCap && !exceptionReasonGiven) {
            problems.add("评为优秀的有 " + excellent.size() + " 名，超过本支部正式党员 " + formal + " 名的三分之一（最多 "
                    + cap + " 名）（R2）：" + String.join("、", excellent)
                    + "。确需超过的，请填写书面理由，报镇党委审批");
        }
        return new Verdict(problems, excellent.size(), cap, overCap && problems.isEmpty());
    }

    private static List<String> names(List<Candidate> candidates, Predicate<Candidate> filter,
            java.util.function.Function<Candidate, String> label) {
        return candidates.stream().filter(filter).map(label).toList();
    }

    private RatingRules() {
    }
}
