package org.orglife.registry;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of grassroots party organization the notice addresses. */
public enum BranchKind {
    VILLAGE("村党支部"),
    ORGAN("机关党支部"),
    SCHOOL("学校党支部"),
    CLINIC("卫生院党支部"),
    PRIVATE_ENTERPRISE("非公企业党支部"),
    GENERAL_BRANCH("村级党总支");

    private final String label;

    BranchKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<BranchKind> fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }
}
