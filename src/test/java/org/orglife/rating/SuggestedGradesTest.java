package org.orglife.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleRecords.Tally;
import org.orglife.rating.RatingRules.Candidate;

/** The grade the appraisal suggests: the majority, within the member's ceiling and the one-third cap. */
class SuggestedGradesTest {

    static List<Candidate> formal(int n) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            candidates.add(new Candidate("M" + i, "党员" + i, true, RatingRulesTest.FULL));
        }
        return candidates;
    }

    @Test
    void theGradeWithTheMostVotesIsSuggested() {
        List<Candidate> branch = formal(9);

        Map<String, Grade> suggested = SuggestedGrades.of(branch, List.of(new Tally("M1", 7, 2, 0, 0),
                new Tally("M2", 1, 8, 0, 0), new Tally("M3", 0, 2, 6, 1), new Tally("M4", 0, 1, 2, 6)));

        assertThat(suggested).containsExactlyInAnyOrderEntriesOf(Map.of("M1", Grade.EXCELLENT, "M2", Grade.QUALIFIED,
                "M3", Grade.BASICALLY_QUALIFIED, "M4", Grade.UNQUALIFIED));
    }

    @Test
    void aTieGoesToTheGradeNearestQualifiedThenToTheLowerOne() {
        List<Candidate> branch = formal(9);

        Map<String, Grade> suggested = SuggestedGrades.of(branch, List.of(new Tally("M1", 4, 4, 1, 0),
                new Tally("M2", 4, 0, 4, 1), new Tally("M3", 0, 0, 4, 4), new Tally("M4", 3, 0, 0, 3)));

        assertThat(suggested).containsExactlyInAnyOrderEntriesOf(Map.of("M1", Grade.QUALIFIED,
                "M2", Grade.BASICALLY_QUALIFIED, "M3", Grade.BASICALLY_QUALIFIED, "M4", Grade.EXCELLENT));
    }

    @Test
    void noVotesNoSuggestionAndNoneForMembersNotGraded() {
        List<Candidate> branch = new ArrayList<>(formal(3));
        branch.add(new Candidate("P1", "预备1", false, RatingRulesTest.PROBATIONARY));

        Map<String, Grade> suggested = SuggestedGrades.of(branch, List.of(new Tally("M1", 0, 0, 0, 0),
                new Tally("P1", 0, 5, 0, 0), new Tally("M2", 0, 5, 0, 0)));

        assertThat(suggested).containsExactlyEntriesOf(Map.of("M2", Grade.QUALIFIED));
    }

    @Test
    void aSanctionedMemberIsSuggestedNoMoreThanTheCeiling() {
        List<Candidate> branch = new ArrayList<>(formal(8));
        branch.add(new Candidate("W1", "杨国栋", true, RatingRulesTest.WARNED));

        assertThat(SuggestedGrades.of(branch, List.of(new Tally("W1", 8, 1, 0, 0))))
                .containsExactlyEntriesOf(Map.of("W1", Grade.QUALIFIED));
    }

    @Test
    void excellentIsSuggestedForAtMostOneThirdByShareAndATieAtTheBoundaryGoesToQualified() {
        // given six formal members (cap 2), four with a 优秀 majority
        List<Candidate> branch = formal(6);
        List<Tally> tallies = List.of(new Tally("M1", 9, 1, 0, 0), new Tally("M2", 6, 4, 0, 0),
                new Tally("M3", 8, 2, 0, 0), new Tally("M4", 6, 4, 0, 0), new Tally("M5", 1, 9, 0, 0));

        // then the two largest shares are suggested 优秀 and the others 合格
        assertThat(SuggestedGrades.of(branch, tallies)).containsExactlyInAnyOrderEntriesOf(Map.of("M1", Grade.EXCELLENT,
                "M3", Grade.EXCELLENT, "M2", Grade.QUALIFIED, "M4", Grade.QUALIFIED, "M5", Grade.QUALIFIED));

        // when M3 drops to the shares of M2 and M4, three share the second place: only M1 is suggested 优秀
        List<Tally> tied = new ArrayList<>(tallies);
        tied.set(2, new Tally("M3", 6, 4, 0, 0));
        assertThat(SuggestedGrades.of(branch, tied)).containsExactlyInAnyOrderEntriesOf(Map.of("M1", Grade.EXCELLENT,
                "M3", Grade.QUALIFIED, "M2", Grade.QUALIFIED, "M4", Grade.QUALIFIED, "M5", Grade.QUALIFIED));
    }
}
