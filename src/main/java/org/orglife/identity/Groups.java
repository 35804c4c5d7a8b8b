package org.orglife.identity;

import java.util.List;

/** The engine groups of SPEC §1; each branch also has its own group {@code branch-{code}}. */
public final class Groups {

    public static final String TOWNSHIP_OFFICE = "township-office";
    public static final String TOWNSHIP_SUPERVISORS = "township-supervisors";
    public static final String LIAISON_CADRES = "liaison-cadres";
    public static final String BRANCH_SECRETARIES = "branch-secretaries";
    public static final String ADMINS = "camunda-admin";

    static final List<String> TOWNSHIP = List.of(TOWNSHIP_OFFICE, TOWNSHIP_SUPERVISORS);

    static String nameOf(String groupId) {
        return switch (groupId) {
            case TOWNSHIP_OFFICE -> "镇党委办公室";
            case TOWNSHIP_SUPERVISORS -> "镇党委督查组";
            case LIAISON_CADRES -> "包村干部、包联站所负责人、片长";
            case BRANCH_SECRETARIES -> "党支部书记";
            default -> groupId;
        };
    }

    private Groups() {
    }
}
