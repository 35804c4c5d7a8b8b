package org.orglife.engine;

import java.util.ArrayList;
import java.util.List;

/** How our engine plugins add to the engine configuration's lists, keeping what is already there. */
final class EngineLists {

    private EngineLists() {
    }

    /** The configured list (null when nothing is configured yet) with one more element at its end. */
    static <T> List<T> plus(List<T> configured, T added) {
        List<T> list = configured == null ? new ArrayList<>() : new ArrayList<>(configured);
        list.add(added);
        return list;
    }
}
