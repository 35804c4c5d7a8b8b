package org.orglife.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orglife.rating.RatingRules.Candidate;
import org.orglife.rating.RatingRules.Submitted;
import org.orglife.rating.RatingRules.Verdict;

/** R1–R4 as plain Java: what {@link RatingRules} refuses, with which message, and what it accepts. */
class RatingRulesTest {

    static final Eligibility FULL = new Eligibility(true, Grade.EXCELLENT, true, null);
    static final Eligibility WARNED = new Eligibility(true, Grade.QUALIFIED, true, "受警告或严重警告处分，不能评为优秀");
    static final Eligibility ON_PROBATION = new Eligibility(false, null, false, "留党察看期间，没有表决权，不评定等次");
    static final Eligibility PROBATIONARY = new Eligibility(false, null, false, "预备党员，不定等次");

    static final String BASIS = "日常表现和测评结果";

    /** No appraisal tallies entered: no suggestions. */
    static final Map<String, Grade> NO_TALLIES = Map.of();

    /** Formal members M1…Mn named 党员1…党员n, no sanctions. */
    static List<Candidate> formal(int n) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            candidates.add(new Candidate("M" + i, "党员" + i, true, FULL));
        }
        return candidates;
    }

    /** The first {@code excellent} candidates 优秀, the rest 合格, each with a basis. */
    static List<Submitted> graded(List<Candidate> candidates, int excellent) {
        List<Submitted> ratings = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).eligibility().graded()) {
                ratings.add(new Submitted(candidates.get(i).memberId(), i < excellent ? Grade.EXCELLENT : Grade.QUALIFIED,
                        BASIS, true));
            }
        }
        return ratings;
    }

    static List<Candidate> with(List<Candidate> candidates, Candidate extra) {
        List<Candidate> all = new ArrayList<>(candidates);
        all.add(extra);
        return all;
    }

    static List<Submitted> with(List<Submitted> ratings, Submitted extra) {
        List<Submitted> all = new ArrayList<>(ratings);
        all.add(extra);
        return all;
    }

    @Test
    void theCapIsOneThirdOfTheFormalMembersRoundedDown() {
        assertThat(RatingRules.excellentCap(0)).isZero();
        assertThat(RatingRules.excellentCap(2)).isZero();
        assertThat(RatingRules.excellentCap(3)).isEqualTo(1);
        assertThat(RatingRules.excellentCap(17)).isEqualTo(5);
        assertThat(RatingRules.excellentCap(48)).isEqualTo(16);
    }

    @Test
    void excellentRatingsAboveOneThirdAreRefused() {
        // given six formal members: at most two 优秀
        List<Candidate> branch = formal(6);

        // when three are rated 优秀 without a written reason
        Verdict verdict = RatingRules.check(branch, graded(branch, 3), NO_TALLIES, false);

        // then the one-third rule is broken, naming the three
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.problems()).singleElement().asString()
                .contains("（R2）", "评为优秀的有 3 名", "正式党员 6 名", "最多 2 名", "党员1、党员2、党员3", "书面理由");
        assertThat(verdict.needsException()).isFalse();
    }

    @Test
    void exactlyOneThirdExcellentIsAccepted() {
        List<Candidate> branch = formal(6);

        Verdict verdict = RatingRules.check(branch, graded(branch, 2), NO_TALLIES, false);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.excellent()).isEqualTo(2);
        assertThat(verdict.cap()).isEqualTo(2);
        assertThat(verdict.needsException()).isFalse();
    }

    @Test
    void theCapRoundsDownAndCountsOnlyFormalMembers() {
        // given five formal members and one probationary member: N = 5, cap 1 (not 6 / 3 = 2)
        List<Candidate> branch = with(formal(5), new Candidate("P1", "预备1", false, PROBATIONARY));

        assertThat(RatingRules.check(branch, graded(branch, 1), NO_TALLIES, false).accepted()).isTrue();
        Verdict two = RatingRules.check(branch, graded(branch, 2), NO_TALLIES, false);
        assertThat(two.cap()).isEqualTo(1);
        assertThat(two.problems()).singleElement().asString().contains("正式党员 5 名", "最多 1 名", "（R2）");
    }

    @Test
    void aBranchOfFewerThanThreeFormalMembersMayRateNoOneExcellentWithoutAnException() {
        // given two formal members: ⌊2/3⌋ = 0
        List<Candidate> branch = formal(2);

        // when one is 优秀 without a reason, then refused; with none 优秀, accepted
        assertThat(RatingRules.check(branch, graded(branch, 1), NO_TALLIES, false).problems()).singleElement().asString()
                .contains("（R2）", "最多 0 名", "党员1");
        assertThat(RatingRules.check(branch, graded(branch, 0), NO_TALLIES, false).accepted()).isTrue();

        // when a written reason is given, then accepted but only with the township office's approval
        Verdict excepted = RatingRules.check(branch, graded(branch, 1), NO_TALLIES, true);
        assertThat(excepted.accepted()).isTrue();
        assertThat(excepted.needsException()).isTrue();
        assertThat(excepted.excellent()).isEqualTo(1);
        assertThat(excepted.cap()).isZero();
    }

    @Test
    void aWrittenReasonTakesMoreExcellentThanOneThirdToTheTownship() {
        List<Candidate> branch = formal(6);

        Verdict verdict = RatingRules.check(branch, graded(branch, 4), NO_TALLIES, true);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.needsException()).isTrue();
        assertThat(verdict.excellent()).isEqualTo(4);
    }

    @Test
    void aReasonWithinTheCapNeedsNoApproval() {
        List<Candidate> branch = formal(6);

        Verdict verdict = RatingRules.check(branch, graded(branch, 2), NO_TALLIES, true);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.needsException()).isFalse();
    }

    @Test
    void noExceptionIsAskedForWhileOtherRulesAreBroken() {
        // given too many 优秀 with a reason, but one member without a grade
        List<Candidate> branch = formal(6);
        List<Submitted> ratings = graded(branch, 4).subList(0, 5);

        Verdict verdict = RatingRules.check(branch, ratings, NO_TALLIES, true);

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.needsException()).isFalse();
        assertThat(verdict.problems()).singleElement().asString().contains("（R1）", "党员6");
    }

    @Test
    void aGradeForAProbationaryMemberIsRefused() {
        List<Candidate> branch = with(formal(3), new Candidate("P1", "许昊", false, PROBATIONARY));

        Verdict verdict = RatingRules.check(branch,
                with(graded(branch, 0), new Submitted("P1", Grade.QUALIFIED, BASIS, true)), NO_TALLIES, false);

        assertThat(verdict.problems()).singleElement().asString()
                .contains("R3", "许昊（P1）：预备党员，不定等次，不能给出等次");
    }

    @Test
    void aProbationaryMemberWithoutAGradeIsAccepted() {
        List<Candidate> branch = with(formal(3), new Candidate("P1", "许昊", false, PROBATIONARY));

        assertThat(RatingRules.check(branch, graded(branch, 1), NO_TALLIES, false).accepted()).isTrue();
    }

    @Test
    void aMemberUnderProbationGetsNoGrade() {
        // given a formal member under 留党察看: the table says not graded, no vote
        List<Candidate> branch = with(formal(3), new Candidate("S1", "周勇", true, ON_PROBATION));

        // when the branch leaves them ungraded, then accepted
        assertThat(RatingRules.check(branch, graded(branch, 1), NO_TALLIES, false).accepted()).isTrue();

        // when the branch grades them, then refused naming them and the reason
        Verdict graded = RatingRules.check(branch, with(graded(branch, 1), new Submitted("S1", Grade.QUALIFIED, BASIS, true)), NO_TALLIES,
                false);
        assertThat(graded.problems()).singleElement().asString()
                .contains("R4", "周勇（S1）：留党察看期间，没有表决权，不评定等次，不能给出等次");
    }

    @Test
    void aMemberUnderProbationStillCountsTowardTheCap() {
        // N counts formal members whose membership is here; 留党察看 does not end formal membership
        List<Candidate> branch = with(formal(2), new Candidate("S1", "周勇", true, ON_PROBATION));

        Verdict verdict = RatingRules.check(branch, graded(branch, 1), NO_TALLIES, false);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.cap()).isEqualTo(1);
    }

    @Test
    void aGradeAboveTheSanctionCeilingIsRefused() {
        List<Candidate> branch = with(formal(5), new Candidate("W1", "杨国栋", true, WARNED));
        List<Submitted> ratings = with(graded(formal(5), 0), new Submitted("W1", Grade.EXCELLENT, BASIS, true));

        Verdict verdict = RatingRules.check(branch, ratings, NO_TALLIES, false);

        assertThat(verdict.problems()).singleElement().asString()
                .isEqualTo("杨国栋（W1）：最高只能评为合格（受警告或严重警告处分，不能评为优秀）（R4）");
    }

    @Test
    void aSanctionedMemberMayBeRatedUpToTheCeiling() {
        List<Candidate> branch = with(formal(5), new Candidate("W1", "杨国栋", true, WARNED));

        for (Grade grade : List.of(Grade.QUALIFIED, Grade.BASICALLY_QUALIFIED, Grade.UNQUALIFIED)) {
            List<Submitted> ratings = with(graded(formal(5), 0), new Submitted("W1", grade, BASIS, true));
            assertThat(RatingRules.check(branch, ratings, NO_TALLIES, false).accepted()).as(grade.name()).isTrue();
        }
    }

    @Test
    void aMissingGradeIsRefused() {
        // given six members, one submitted without a grade and one not submitted at all
        List<Candidate> branch = formal(6);
        List<Submitted> ratings = new ArrayList<>(graded(branch, 1).subList(0, 4));
        ratings.add(new Submitted("M5", null, null, true));

        Verdict verdict = RatingRules.check(branch, ratings, NO_TALLIES, false);

        assertThat(verdict.problems()).containsExactly("党员5（M5）：请选择等次（R1）",
                "党员6（M6）：请选择等次（R1），尚未向本人反馈");
    }

    @Test
    void aGradeThatConfirmsTheTalliesNeedsNoBasis() {
        // given three members the appraisal suggests 优秀, 合格 and 合格
        List<Candidate> branch = formal(3);
        Map<String, Grade> suggested = Map.of("M1", Grade.EXCELLENT, "M2", Grade.QUALIFIED, "M3", Grade.QUALIFIED);

        // when the secretary confirms them without writing a basis, then accepted
        List<Submitted> asSuggested = List.of(new Submitted("M1", Grade.EXCELLENT, null, true),
                new Submitted("M2", Grade.QUALIFIED, null, true), new Submitted("M3", Grade.QUALIFIED, null, true));
        assertThat(RatingRules.check(branch, asSuggested, suggested, false).accepted()).isTrue();
    }

    @Test
    void aBasisIsNeededForTheLowerGradesAndForAGradeOtherThanSuggested() {
        List<Candidate> branch = formal(3);
        Map<String, Grade> suggested = Map.of("M1", Grade.EXCELLENT, "M2", Grade.QUALIFIED);

        // when M1 is rated 合格 against the suggested 优秀, M2 基本合格 against the suggested 合格 and M3
        // (no tallies) 不合格, all without a basis
        List<Submitted> ratings = List.of(new Submitted("M1", Grade.QUALIFIED, null, true),
                new Submitted("M2", Grade.BASICALLY_QUALIFIED, null, true),
                new Submitted("M3", Grade.UNQUALIFIED, null, true));
        Verdict verdict = RatingRules.check(branch, ratings, suggested, false);

        // then each is named with why the basis is needed
        assertThat(verdict.problems()).containsExactly("党员1（M1）：请填写评定依据（与测评建议的优秀不同，须写明依据）",
                "党员2（M2）：请填写评定依据（评为基本合格须写明依据）", "党员3（M3）：请填写评定依据（评为不合格须写明依据）");
        assertThat(RatingRules.basisNeeded(Grade.BASICALLY_QUALIFIED, Grade.BASICALLY_QUALIFIED))
                .as("基本合格 needs its basis even where the tallies suggest it").isTrue();
        assertThat(RatingRules.basisNeeded(Grade.QUALIFIED, null)).as("合格 without tallies").isFalse();
        assertThat(RatingRules.basisNeeded(Grade.EXCELLENT, null)).as("优秀 without tallies").isFalse();

        // when the bases are written, then accepted
        List<Submitted> withBasis = ratings.stream()
                .map(r -> new Submitted(r.memberId(), r.grade(), BASIS, true)).toList();
        assertThat(RatingRules.check(branch, withBasis, suggested, false).accepted()).isTrue();
    }

    @Test
    void aMemberNotToldOfTheGradeIsNamed() {
        List<Candidate> branch = formal(3);
        List<Submitted> ratings = new ArrayList<>(graded(branch, 0));
        ratings.set(2, new Submitted("M3", Grade.QUALIFIED, null, false));

        assertThat(RatingRules.check(branch, ratings, NO_TALLIES, false).problems())
                .containsExactly("党员3（M3）：尚未向本人反馈");
    }

    @Test
    void aMembersProblemsComeInOneLine() {
        // given a member without a grade nor feedback, and a warned member rated 优秀 without feedback
        List<Candidate> branch = with(formal(3), new Candidate("W1", "杨国栋", true, WARNED));
        List<Submitted> ratings = new ArrayList<>(graded(formal(3), 0));
        ratings.set(1, new Submitted("M2", null, null, false));
        ratings.add(new Submitted("W1", Grade.EXCELLENT, null, false));

        assertThat(RatingRules.check(branch, ratings, NO_TALLIES, false).problems()).containsExactly(
                "党员2（M2）：请选择等次（R1），尚未向本人反馈",
                "杨国栋（W1）：最高只能评为合格（受警告或严重警告处分，不能评为优秀）（R4），尚未向本人反馈");
    }

    @Test
    void aGradeForSomeoneOutsideTheBranchIsRefused() {
        List<Candidate> branch = formal(3);

        Verdict verdict = RatingRules.check(branch, with(graded(branch, 0), new Submitted("X9", Grade.QUALIFIED, BASIS, true)), NO_TALLIES,
                false);

        assertThat(verdict.problems()).singleElement().asString().contains("不是本支部的党员", "X9");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        // given 6 formal (cap 2), one warned, one probationary
        List<Candidate> branch = new ArrayList<>(formal(6));
        branch.add(new Candidate("W1", "杨国栋", true, WARNED));
        branch.add(new Candidate("P1", "许昊", false, PROBATIONARY));
        List<Submitted> ratings = new ArrayList<>(graded(formal(6), 3).subList(0, 5));
        ratings.add(new Submitted("W1", Grade.EXCELLENT, BASIS, true));
        ratings.add(new Submitted("P1", Grade.QUALIFIED, BASIS, true));

        Verdict verdict = RatingRules.check(branch, ratings, NO_TALLIES, false);

        assertThat(verdict.problems()).containsExactly("党员6（M6）：请选择等次（R1），尚未向本人反馈",
                "杨国栋（W1）：最高只能评为合格（受警告或严重警告处分，不能评为优秀）（R4）",
                "许昊（P1）：预备党员，不定等次，不能给出等次（R3、R4）",
                "评为优秀的有 4 名，超过本支部正式党员 7 名的三分之一（最多 2 名）（R2）：党员1、党员2、党员3、杨国栋。"
                        + "确需超过的，请填写书面理由，报镇党委审批");
    }
}
