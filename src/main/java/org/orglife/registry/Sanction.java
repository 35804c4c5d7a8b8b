package org.orglife.registry;

import java.util.Arrays;
import java.util.Optional;

/** Party-discipline sanction in effect; its effect on rating comes from the eligibility decision table (R4). */
public enum Sanction {
    NONE("无"),
    WARNING("警告"),
    SERIOUS_WARNING("严重警告"),
    REMOVAL_FROM_POST("撤销党内职务"),
    PROBATION("留党察看");

    private final String label;

    Sanction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Sanction> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
