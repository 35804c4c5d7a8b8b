package org.orglife.registry;

/**
 * A grassroots party organization of the township. Sub-branches of a 村级党总支 name it as parent.
 * The secretary works the branch's tasks; the liaison cadre and the area chief attend and guide.
 */
public record Branch(
        String code,
        String townshipCode,
        String name,
        BranchKind kind,
        String parentCode,
        Account secretary,
        Account liaison,
        Account areaChief,
        boolean active) {

    /** The engine group whose members work this branch's tasks. */
    public String groupId() {
        return groupIdOf(code);
    }

    public static String groupIdOf(String branchCode) {
        return "branch-" + branchCode;
    }
}
