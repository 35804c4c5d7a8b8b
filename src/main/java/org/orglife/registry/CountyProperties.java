package org.orglife.registry;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The county this installation serves, its townships and their staff accounts ({@code orglife.county.*}).
 * Each township is a tenant of the engine; the county's staff work across all of them.
 *
 * @param staff the county's accounts, each in {@code county-staff} (县委组织部) or {@code county-supervisors} (县督导组)
 * @param townships the townships, each with its accounts in {@code township-office} or {@code township-supervisors}
 */
@ConfigurationProperties("orglife.county")
public record CountyProperties(String code, String name, List<Staff> staff, List<Township> townships) {

    public CountyProperties {
        staff = staff == null ? List.of() : List.copyOf(staff);
        townships = townships == null ? List.of() : List.copyOf(townships);
    }

    public Optional<Township> township(String code) {
        return townships.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    /** The township's name, or its code if the configuration no longer names it. */
    public String townshipName(String code) {
        return township(code).map(Township::name).orElse(code);
    }

    /** The one township, where the county runs only one: rosters without a township column go there. */
    public Optional<Township> onlyTownship() {
        return townships.size() == 1 ? Optional.of(townships.get(0)) : Optional.empty();
    }

    public record Township(String code, String name, List<Staff> staff) {

        public Township {
            staff = staff == null ? List.of() : List.copyOf(staff);
        }
    }

    public record Staff(String id, String name, String group, String email) {
    }
}
