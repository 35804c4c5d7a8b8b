package org.orglife.registry;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The township this installation serves and its staff accounts ({@code orglife.township.*}).
 *
 * @param staff township accounts, each in {@code township-office} or {@code township-supervisors}
 */
@ConfigurationProperties("orglife.township")
public record TownshipProperties(String code, String name, List<Staff> staff) {

    public TownshipProperties {
        staff = staff == null ? List.of() : List.copyOf(staff);
    }

    public record Staff(String id, String name, String group, String email) {
    }
}
