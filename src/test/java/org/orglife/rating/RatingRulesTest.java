package org.orglife.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

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
                        BASIS));
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
        Verdict verdict = RatingRules.check(branch, graded(branch, 3), false);

        // then the one-third rule is broken, naming the three
        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.problems()).singleElement().asString()
                .contains("（R2）", "评为优秀的有 3 名", "正式党员 6 名", "最多 2 名", "党员1、党员2、党员3", "书面理由");
        assertThat(verdict.needsException()).isFalse();
    }

    @Test
    void exactlyOneThirdExcellentIsAccepted() {
        List<Candidate> branch = formal(6);

        Verdict verdict = RatingRules.check(branch, graded(branch, 2), false);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.excellent()).isEqualTo(2);
        assertThat(verdict.cap()).isEqualTo(2);
        assertThat(verdict.needsException()).isFalse();
    }

    @Test
    void theCapRoundsDownAndCountsOnlyFormalMembers() {
        // given five formal members and one probationary member: N = 5, cap 1 (not 6 / 3 = 2)
        List<Candidate> branch = with(formal(5), new Candidate("P1", "预备1", false, PROBATIONARY));

        assertThat(RatingRules.check(branch, graded(branch, 1), false).accepted()).isTrue();
        Verdict two = RatingRules.check(branch, graded(branch, 2), false);
        assertThat(two.cap()).isEqualTo(1);
        assertThat(two.problems()).singleElement().asString().contains("正式党员 5 名", "最多 1 名", "（R2）");
    }

    @Test
    void aBranchOfFewerThanThreeFormalMembersMayRateNoOneExcellentWithoutAnException() {
        // given two formal members: ⌊2/3⌋ = 0
        List<Candidate> branch = formal(2);

        // when one is 优秀 without a reason, then refused; with none 优秀, accepted
        assertThat(RatingRules.check(branch, graded(branch, 1), false).problems()).singleElement().asString()
                .contains("（R2）", "最多 0 名", "党员1");
        assertThat(RatingRules.check(branch, graded(branch, 0), false).accepted()).isTrue();

        // when a written reason is given, then accepted but only with the township office's approval
        Verdict excepted = RatingRules.check(branch, graded(branch, 1), true);
        assertThat(excepted.accepted()).isTrue();
        assertThat(excepted.needsException()).isTrue();
        assertThat(excepted.excellent()).isEqualTo(1);
        assertThat(excepted.cap()).isZero();
    }

    @Test
    void aWrittenReasonTakesMoreExcellentThanOneThirdToTheTownship() {
        List<Candidate> branch = formal(6);

        Verdict verdict = RatingRules.check(branch, graded(branch, 4), true);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.needsException()).isTrue();
        assertThat(verdict.excellent()).isEqualTo(4);
    }

    @Test
    void aReasonWithinTheCapNeedsNoApproval() {
        List<Candidate> branch = formal(6);

        Verdict verdict = RatingRules.check(branch, graded(branch, 2), true);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.needsException()).isFalse();
    }

    @Test
    void noExceptionIsAskedForWhileOtherRulesAreBroken() {
        // given too many 优秀 with a reason, but one member without a grade
        List<Candidate> branch = formal(6);
        List<Submitted> ratings = graded(branch, 4).subList(0, 5);

        Verdict verdict = RatingRules.check(branch, ratings, true);

        assertThat(verdict.accepted()).isFalse();
        assertThat(verdict.needsException()).isFalse();
        assertThat(verdict.problems()).singleElement().asString().contains("（R1）", "党员6");
    }

    @Test
    void aGradeForAProbationaryMemberIsRefused() {
        List<Candidate> branch = with(formal(3), new Candidate("P1", "许昊", false, PROBATIONARY));

        Verdict verdict = RatingRules.check(branch,
                with(graded(branch, 0), new Submitted("P1", Grade.QUALIFIED, BASIS)), false);

        assertThat(verdict.problems()).singleElement().asString()
                .contains("不评定等次", "R3", "许昊（预备党员，不定等次）");
    }

    @Test
    void aProbationaryMemberWithoutAGradeIsAccepted() {
        List<Candidate> branch = with(formal(3), new Candidate("P1", "许昊", false, PROBATIONARY));

        assertThat(RatingRules.check(branch, graded(branch, 1), false).accepted()).isTrue();
    }

    @Test
    void aMemberUnderProbationGetsNoGrade() {
        // given a formal member under 留党察看: the table says not graded, no vote
        List<Candidate> branch = with(formal(3), new Candidate("S1", "周勇", true, ON_PROBATION));

        // when the branch leaves them ungraded, then accepted
        assertThat(RatingRules.check(branch, graded(branch, 1), false).accepted()).isTrue();

        // when the branch grades them, then refused naming them and the reason
        Verdict graded = RatingRules.check(branch, with(graded(branch, 1), new Submitted("S1", Grade.QUALIFIED, BASIS)),
                false);
        assertThat(graded.problems()).singleElement().asString()
                .contains("R4", "周勇（留党察看期间，没有表决权，不评定等次）");
    }

    @Test
    void aMemberUnderProbationStillCountsTowardTheCap() {
        // N counts formal members whose membership is here; 留党察看 does not end formal membership
        List<Candidate> branch = with(formal(2), new Candidate("S1", "周勇", true, ON_PROBATION));

        Verdict verdict = RatingRules.check(branch, graded(branch, 1), false);

        assertThat(verdict.accepted()).isTrue();
        assertThat(verdict.cap()).isEqualTo(1);
    }

    @Test
    void aGradeAboveTheSanctionCeilingIsRefused() {
        List<Candidate> branch = with(formal(5), new Candidate("W1", "杨国栋", true, WARNED));
        List<Submitted> ratings = with(graded(formal(5), 0), new Submitted("W1", Grade.EXCELLENT, BASIS));

        Verdict verdict = RatingRules.check(branch, ratings, false);

        assertThat(verdict.problems()).singleElement().asString()
                .contains("（R4）", "超出了可评的最高等次", "杨国栋（受警告或严重警告处分，不能评为优秀）");
    }

    @Test
    void aSanctionedMemberMayBeRatedUpToTheCeiling() {
        List<Candidate> branch = with(formal(5), new Candidate("W1", "杨国栋", true, WARNED));

        for (Grade grade : List.of(Grade.QUALIFIED, Grade.BASICALLY_QUALIFIED, Grade.UNQUALIFIED)) {
            List<Submitted> ratings = with(graded(formal(5), 0), new Submitted("W1", grade, BASIS));
            assertThat(RatingRules.check(branch, ratings, false).accepted()).as(grade.name()).isTrue();
        }
    }

    @Test
    void aMissingGradeIsRefused() {
        // given six members, one submitted without a grade and one not submitted at all
        List<Candidate> branch = formal(6);
        List<Submitted> ratings = new ArrayList<>(graded(branch, 1).subList(0, 4));
        ratings.add(new Submitted("M5", null, null));

        Verdict verdict = RatingRules.check(branch, ratings, false);

        assertThat(verdict.problems()).singleElement().asString().contains("还没有评定等次（R1）", "党员5、党员6");
    }

    @Test
    void aGradeWithoutItsBasisIsRefused() {
        List<Candidate> branch = formal(3);
        List<Submitted> ratings = new ArrayList<>(graded(branch, 0));
        ratings.set(1, new Submitted("M2", Grade.QUALIFIED, null));

        Verdict verdict = RatingRules.check(branch, ratings, false);

        assertThat(verdict.problems()).singleElement().asString().contains("评定依据", "党员2");
    }

    @Test
    void aGradeForSomeoneOutsideTheBranchIsRefused() {
        List<Candidate> branch = formal(3);

        Verdict verdict = RatingRules.check(branch, with(graded(branch, 0), new Submitted("X9", Grade.QUALIFIED, BASIS)),
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
        ratings.add(new Submitted("W1", Grade.EXCELLENT, BASIS));
        ratings.add(new Submitted("P1", Grade.QUALIFIED, BASIS));

        Verdict verdict = RatingRules.check(branch, ratings, false);

        assertThat(verdict.problems()).hasSize(4);
        assertThat(String.join("\n", verdict.problems()))
                .contains("（R1）：党员6", "许昊", "（R4）：杨国栋", "（R2）：党员1、党员2、党员3、杨国栋");
    }
}
