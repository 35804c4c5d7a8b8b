package org.orglife.rating;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.orglife.cycle.CycleRecords.Tally;

/**
 * The grade the democratic appraisal suggests for each graded member, which the rating form pre-selects
 * for the secretary to confirm or change (notice 二.5: 综合分析党员日常表现，结合民主测评结果):
 * <ul>
 * <li>the grade with the most votes; a tie goes to the grade nearest 合格, then to the lower one;</li>
 * <li>never above what the eligibility table allows the member (R4);</li>
 * <li>优秀 for at most ⌊N/3⌋ members (R2), those with the largest share of 优秀 votes; members tied at
 * the boundary are suggested 合格, so that the secretary, not the order of a list, decides between them.</li>
 * </ul>
 * A member without votes gets no suggestion.
 */
public final class SuggestedGrades {

    /** Ties go to the grade nearest 合格, then to the lower grade. */
    private static final List<Grade> TIE_ORDER = List.of(Grade.QUALIFIED, Grade.BASICALLY_QUALIFIED, Grade.EXCELLENT,
            Grade.UNQUALIFIED);

    /** The suggestion per member id, for the graded candidates that have votes. */
    public static Map<String, Grade> of(List<RatingRules.Candidate> candidates, List<Tally> tallies) {
        Map<String, Tally> byMember = new HashMap<>();
        tallies.stream().filter(t -> total(t) > 0).forEach(v -> byMember.put(v.memberId(), v));
        Map<String, Grade> suggested = new HashMap<>();
        for (RatingRules.Candidate c : candidates) {
            Tally v = byMember.get(c.memberId());
            if (c.eligibility().graded() && v != null) {
                Grade majority = majority(v);
                Grade ceiling = c.eligibility().highestGrade();
                suggested.put(c.memberId(), ceiling != null && majority.isAbove(ceiling) ? ceiling : majority);
            }
        }
        capExcellent(suggested, byMember, RatingRules.excellentCap((int) candidates.stream()
                .filter(RatingRules.Candidate::formal).count()));
        return suggested;
    }

    private static Grade majority(Tally v) {
        Grade best = TIE_ORDER.get(0);
        for (Grade g : TIE_ORDER) {
            if (votes(v, g) > votes(v, best)) {
                best = g;
            }
        }
        return best;
    }

    private static void capExcellent(Map<String, Grade> suggested, Map<String, Tally> tallies, int cap) {
        List<Tally> excellent = suggested.entrySet().stream().filter(e -> e.getValue() == Grade.EXCELLENT)
                .map(e -> tallies.get(e.getKey()))
                .sorted(Comparator.comparingDouble(SuggestedGrades::excellentShare).reversed()).toList();
        if (excellent.size() <= cap) {
            return;
        }
        double boundary = cap == 0 ? Double.POSITIVE_INFINITY : excellentShare(excellent.get(cap - 1));
        boolean tiedAcross = excellentShare(excellent.get(cap)) == boundary;
        for (int i = 0; i < excellent.size(); i++) {
            double share = excellentShare(excellent.get(i));
            if (i >= cap || (tiedAcross && share == boundary)) {
                suggested.put(excellent.get(i).memberId(), Grade.QUALIFIED);
            }
        }
    }

    private static int votes(Tally t, Grade grade) {
        return switch (grade) {
            case EXCELLENT -> t.excellent();
            case QUALIFIED -> t.qualified();
            case BASICALLY_QUALIFIED -> t.basicallyQualified();
            case UNQUALIFIED -> t.unqualified();
        };
    }

    private static int total(Tally t) {
        return t.excellent() + t.qualified() + t.basicallyQualified() + t.unqualified();
    }

    private static double excellentShare(Tally t) {
        return (double) t.excellent() / total(t);
    }

    private SuggestedGrades() {
    }
}
