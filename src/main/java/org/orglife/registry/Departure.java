package org.orglife.registry;

import java.util.Arrays;
import java.util.Optional;

/** How a member left the branch's roster, as the 党员减少表 names it. */
public enum Departure {
    TRANSFERRED_OUT("转出"),
    MEMBERSHIP_ENDED("停止党籍");

    private final String label;

    Departure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Departure> fromLabel(String label) {
        return Arrays.stream(values()).filter(d -> d.label.equals(label)).findFirst();
    }
}
