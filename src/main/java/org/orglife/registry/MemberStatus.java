package org.orglife.registry;

import java.util.Arrays;
import java.util.Optional;

/** 正式党员 or 预备党员: probationary members take part in the appraisal but get no grade (R3). */
public enum MemberStatus {
    FORMAL("正式"),
    PROBATIONARY("预备");

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<MemberStatus> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
