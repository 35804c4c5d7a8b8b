package org.orglife.cycle;

import java.time.LocalDate;
import java.util.Map;

/**
 * The township's deadlines of a year (SPEC §4): work plans, meetings, statistics; and how many
 * working days the rectification lists stay public. Carried by each branch cycle as variables.
 */
public record Deadlines(LocalDate planDueBy, LocalDate meetingsDueBy, LocalDate statisticsDueBy,
        int publicityWorkingDays) {

    public static final String PLAN_DUE_BY = "planDueBy";
    public static final String MEETINGS_DUE_BY = "meetingsDueBy";
    public static final String STATISTICS_DUE_BY = "statisticsDueBy";
    public static final String PUBLICITY_WORKING_DAYS = "publicityWorkingDays";

    public Map<String, Object> asVariables() {
        return Map.of(PLAN_DUE_BY, planDueBy.toString(), MEETINGS_DUE_BY, meetingsDueBy.toString(),
                STATISTICS_DUE_BY, statisticsDueBy.toString(), PUBLICITY_WORKING_DAYS, publicityWorkingDays);
    }

    /**
     * The notice's own dates for a year under review, for a cycle started on its own, outside a
     * campaign: work plans by 22 February of the next year, meetings by the end of February, the
     * statistics by 5 March (中共大东沟镇委员会, 2022-02-20, for 2021).
     */
    public static Deadlines ofTheNotice(int year, int publicityWorkingDays) {
        LocalDate february = LocalDate.of(year + 1, 2, 1);
        return new Deadlines(february.withDayOfMonth(22), february.withDayOfMonth(february.lengthOfMonth()),
                LocalDate.of(year + 1, 3, 5), publicityWorkingDays);
    }

    /** The deadlines a process instance carries, or null when it runs outside a campaign. */
    public static Deadlines fromVariables(java.util.function.Function<String, Object> variable) {
        Object plan = variable.apply(PLAN_DUE_BY);
        Object meetings = variable.apply(MEETINGS_DUE_BY);
        Object statistics = variable.apply(STATISTICS_DUE_BY);
        if (plan == null || meetings == null || statistics == null) {
            return null;
        }
        Object days = variable.apply(PUBLICITY_WORKING_DAYS);
        return new Deadlines(LocalDate.parse(plan.toString()), LocalDate.parse(meetings.toString()),
                LocalDate.parse(statistics.toString()), days instanceof Number n ? n.intValue() : 5);
    }
}
