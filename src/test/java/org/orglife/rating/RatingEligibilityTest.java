package org.orglife.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.orglife.registry.Member;
import org.orglife.registry.MemberStatus;
import org.orglife.registry.Sanction;

/**
 * Which sanction still weighs on a member on a given day (the last day of the year under review):
 * 留党察看 until its end date, 警告 one year, 严重警告 eighteen months, 撤销党内职务 two years.
 */
class RatingEligibilityTest {

    static final LocalDate YEAR_END_2021 = LocalDate.of(2021, 12, 31);

    static Member member(Sanction sanction, LocalDate since, LocalDate probationEnds) {
        return new Member("DDG08-036", "DDG-08", null, "周勇", "男", 1973, LocalDate.of(2005, 8, 28), MemberStatus.FORMAL,
                false, false, null, false, null, false, false, false, false, sanction, since, probationEnds);
    }

    static Sanction onYearEnd(Sanction sanction, LocalDate since, LocalDate probationEnds) {
        return RatingEligibility.sanctionInEffect(member(sanction, since, probationEnds), YEAR_END_2021);
    }

    @Test
    void noSanctionIsNone() {
        assertThat(onYearEnd(Sanction.NONE, null, null)).isEqualTo(Sanction.NONE);
    }

    @Test
    void probationWeighsUntilItsEndDate() {
        // 周勇 of the demo roster: 留党察看 from 2021-04-26 until 2022-04-26
        assertThat(onYearEnd(Sanction.PROBATION, LocalDate.of(2021, 4, 26), LocalDate.of(2022, 4, 26)))
                .isEqualTo(Sanction.PROBATION);
        assertThat(RatingEligibility.sanctionInEffect(
                member(Sanction.PROBATION, LocalDate.of(2021, 4, 26), LocalDate.of(2022, 4, 26)), LocalDate.of(2022, 12, 31)))
                .isEqualTo(Sanction.NONE);
        assertThat(onYearEnd(Sanction.PROBATION, null, LocalDate.of(2022, 1, 1))).isEqualTo(Sanction.PROBATION);
        assertThat(onYearEnd(Sanction.PROBATION, null, YEAR_END_2021)).as("ended on that day").isEqualTo(Sanction.NONE);
        assertThat(onYearEnd(Sanction.PROBATION, null, LocalDate.of(2021, 6, 30))).isEqualTo(Sanction.NONE);
    }

    @Test
    void probationWithoutAnEndDateStillWeighs() {
        assertThat(onYearEnd(Sanction.PROBATION, LocalDate.of(2019, 1, 1), null)).isEqualTo(Sanction.PROBATION);
    }

    @Test
    void aWarningWeighsForOneYear() {
        assertThat(onYearEnd(Sanction.WARNING, LocalDate.of(2021, 6, 17), null)).isEqualTo(Sanction.WARNING);
        assertThat(onYearEnd(Sanction.WARNING, LocalDate.of(2021, 1, 1), null)).isEqualTo(Sanction.WARNING);
        assertThat(onYearEnd(Sanction.WARNING, LocalDate.of(2020, 12, 31), null)).as("one year over that day")
                .isEqualTo(Sanction.NONE);
        assertThat(RatingEligibility.sanctionInEffect(member(Sanction.WARNING, LocalDate.of(2021, 6, 17), null),
                LocalDate.of(2022, 12, 31))).isEqualTo(Sanction.NONE);
    }

    @Test
    void aSeriousWarningWeighsForEighteenMonths() {
        assertThat(onYearEnd(Sanction.SERIOUS_WARNING, LocalDate.of(2020, 7, 1), null)).isEqualTo(Sanction.SERIOUS_WARNING);
        assertThat(onYearEnd(Sanction.SERIOUS_WARNING, LocalDate.of(2020, 6, 30), null)).as("eighteen months over before the year ends")
                .isEqualTo(Sanction.NONE);
        assertThat(onYearEnd(Sanction.SERIOUS_WARNING, LocalDate.of(2020, 1, 15), null)).isEqualTo(Sanction.NONE);
    }

    @Test
    void aRemovalFromPostWeighsForTwoYears() {
        // 吴涛 of the demo roster: 撤销党内职务 on 2020-12-15, weighs in 2021, not at the end of 2022
        assertThat(onYearEnd(Sanction.REMOVAL_FROM_POST, LocalDate.of(2020, 12, 15), null))
                .isEqualTo(Sanction.REMOVAL_FROM_POST);
        assertThat(RatingEligibility.sanctionInEffect(member(Sanction.REMOVAL_FROM_POST, LocalDate.of(2020, 12, 15), null),
                LocalDate.of(2022, 12, 31))).isEqualTo(Sanction.NONE);
        assertThat(onYearEnd(Sanction.REMOVAL_FROM_POST, LocalDate.of(2019, 12, 31), null)).isEqualTo(Sanction.NONE);
        assertThat(onYearEnd(Sanction.REMOVAL_FROM_POST, LocalDate.of(2020, 1, 1), null))
                .isEqualTo(Sanction.REMOVAL_FROM_POST);
    }

    @Test
    void aWarningWithoutADateIsTakenAsInEffect() {
        assertThat(onYearEnd(Sanction.WARNING, null, null)).isEqualTo(Sanction.WARNING);
        assertThat(onYearEnd(Sanction.SERIOUS_WARNING, null, null)).isEqualTo(Sanction.SERIOUS_WARNING);
        assertThat(onYearEnd(Sanction.REMOVAL_FROM_POST, null, null)).isEqualTo(Sanction.REMOVAL_FROM_POST);
    }
}
