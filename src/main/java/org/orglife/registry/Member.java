package org.orglife.registry;

import java.time.LocalDate;

/**
 * A party member on a branch's roster. {@code floatingOut} members name the organization they flowed
 * into ({@code inflowOrg}: a branch code of this township or free text); {@code floatingIn} members are
 * guests whose membership ({@code homeOrg}) is elsewhere.
 */
public record Member(
        String id,
        String branchCode,
        String partyGroup,
        String name,
        String gender,
        int birthYear,
        LocalDate joinedOn,
        MemberStatus status,
        boolean leadingCadre,
        boolean floatingOut,
        String inflowOrg,
        boolean floatingIn,
        String homeOrg,
        boolean newlyAdmitted,
        boolean transferredIn,
        boolean hardship,
        boolean elderly,
        Sanction sanction,
        LocalDate sanctionOn,
        LocalDate probationEndsOn) {

    public boolean isFormal() {
        return status == MemberStatus.FORMAL;
    }
}
