package org.orglife.identity;

import java.util.List;

/**
 * The engine groups of SPEC §1 and §10; each branch also has its own group {@code branch-{code}}. Township
 * groups are shared by all townships: which township a member works for is their tenant membership.
 */
public final class Groups {

    public static final String COUNTY_STAFF = "county-staff";
    public static final String COUNTY_SUPERVISORS = "county-supervisors";
    public static final String TOWNSHIP_OFFICE = "township-office";
    public static final String TOWNSHIP_SUPERVISORS = "township-supervisors";
    public static final String LIAISON_CADRES = "liaison-cadres";
    public static final String BRANCH_SECRETARIES = "branch-secretaries";
    public static final String ADMINS = "camunda-admin";

    static final List<String> COUNTY = List.of(COUNTY_STAFF, COUNTY_SUPERVISORS);
    static final List<String> TOWNSHIP = List.of(TOWNSHIP_OFFICE, TOWNSHIP_SUPERVISORS);
    /** Groups that read whole townships: the county's in every township, the township's in their own. */
    static final List<String> OVERSIGHT = List.of(COUNTY_STAFF, COUNTY_SUPERVISORS, TOWNSHIP_OFFICE,
            TOWNSHIP_SUPERVISORS);

    static String nameOf(String groupId) {
        return switch (groupId) {
            case COUNTY_STAFF -> "县委组织部";
            case COUNTY_SUPERVISORS -> "县督导组";
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
