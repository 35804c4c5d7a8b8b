package org.orglife.rating;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rating rules of the notice (SPEC R1–R4) as plain Java: given the branch's members with their
 * eligibility, the appraisal's suggestions and the submitted grades, which rules are broken and whether
 * the one-third cap on 优秀 needs the township office's approval.
 * <p>
 * Every rule is checked at once, and a member's problems come in one line that starts with the member,
 * {@code 姓名（编号）：}, so that the secretary corrects the whole form in one pass. 评定依据 is asked for
 * only where it says something the tallies do not (notice 二.5 and 不搞痕迹管理): for 基本合格 and 不合格, and
 * for a grade other than the appraisal's suggestion.
 */
public final class RatingRules {

    /** A member of the branch: formal or probationary, with what the eligibility table says. */
    public record Candidate(String memberId, String name, boolean formal, Eligibility eligibility) {

        String label() {
            return name + "（" + memberId + "）";
        }
    }

    /** A submitted grade (null when none was chosen), its basis and whether the member has been told. */
    public record Submitted(String memberId, Grade grade, String basis, boolean feedbackGiven) {
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

    /** Whether a grade needs a written basis: 基本合格 and 不合格 always, any grade other than the suggestion. */
    public static boolean basisNeeded(Grade grade, Grade suggested) {
        return grade == Grade.BASICALLY_QUALIFIED || grade == Grade.UNQUALIFIED
                || (grade != null && suggested != null && grade != suggested);
    }

    /** Why {@link #basisNeeded} asks for a basis, in the words of the refusal. */
    private static String whyBasis(Grade grade, Grade suggested) {
        if (grade == Grade.BASICALLY_QUALIFIED || grade == Grade.UNQUALIFIED) {
            return "评为" + grade.label() + "须写明依据";
        }
        return "与测评建议的" + suggested.label() + "不同，须写明依据";
    }

    public static Verdict check(List<Candidate> candidates, List<Submitted> ratings, Map<String, Grade> suggested,
            boolean exceptionReasonGiven) {
        Map<String, Candidate> byId = new HashMap<>();
        candidates.forEach(c -> byId.put(c.memberId(), c));
        Map<String, Submitted> submitted = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Submitted s : ratings) {
            if (!byId.containsKey(s.memberId())) {
                unknown.add(s.memberId());
            } else {
                submitted.put(s.memberId(), s);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!unknown.isEmpty()) {
            problems.add("以下编号不是本支部的党员：" + String.join("、", unknown));
        }
        List<String> excellent = new ArrayList<>();
        for (Candidate c : candidates) {
            Submitted s = submitted.getOrDefault(c.memberId(), new Submitted(c.memberId(), null, null, false));
            List<String> broken = c.eligibility().graded() ? broken(c, s, suggested.get(c.memberId()))
                    : s.grade() == null ? List.of() : List.of(c.eligibility().note() + "，不能给出等次（R3、R4）");
            if (!broken.isEmpty()) {
                problems.add(c.label() + "：" + String.join("，", broken));
            }
            if (s.grade() == Grade.EXCELLENT) {
                excellent.add(c.name());
            }
        }
        int formal = (int) candidates.stream().filter(Candidate::formal).count();
        int cap = excellentCap(formal);
        boolean overCap = excellent.size() > cap;
        if (overCap && !exceptionReasonGiven) {
            problems.add("评为优秀的有 " + excellent.size() + " 名，超过本支部正式党员 " + formal + " 名的三分之一（最多 "
                    + cap + " 名）（R2）：" + String.join("、", excellent)
                    + "。确需超过的，请填写书面理由，报镇党委审批");
        }
        return new Verdict(problems, excellent.size(), cap, overCap && problems.isEmpty());
    }

    /** A graded member's broken rules: grade (R1, R4), basis, feedback. */
    private static List<String> broken(Candidate c, Submitted s, Grade suggested) {
        List<String> broken = new ArrayList<>();
        Grade ceiling = c.eligibility().highestGrade();
        if (s.grade() == null) {
            broken.add("请选择等次（R1）");
        } else if (ceiling != null && s.grade().isAbove(ceiling)) {
            broken.add("最高只能评为" + ceiling.label() + "（" + c.eligibility().note() + "）（R4）");
        } else if (basisNeeded(s.grade(), suggested) && s.basis() == null) {
            broken.add("请填写评定依据（" + whyBasis(s.grade(), suggested) + "）");
        }
        if (!s.feedbackGiven()) {
            broken.add("尚未向本人反馈");
        }
        return broken;
    }

    private RatingRules() {
    }
}
