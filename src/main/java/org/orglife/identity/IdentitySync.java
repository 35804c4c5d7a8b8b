package org.orglife.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.orglife.engine.AsSystem;
import org.orglife.registry.Account;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.orglife.registry.RosterImported;
import org.orglife.registry.CountyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes the engine's tenants, users, groups, memberships, authorizations and Tasklist filters follow
 * the registry and the county's configuration: each township is a tenant, its staff and its branches'
 * people are its members, and the county's groups are members of every township. Runs at start and after every roster import; running it again changes nothing.
 * Existing passwords are never touched; new accounts get the configured initial password (demo
 * profile only) or a random one nobody knows, to be set by an administrator.
 */
@Service
public class IdentitySync {

    private static final Logger log = LoggerFactory.getLogger(IdentitySync.class);

    private final IdentityService identityService;
    private final BranchRepository branches;
    private final CountyProperties county;
    private final AccessRules accessRules;
    private final TasklistFilters filters;
    private final JdbcClient jdbc;
    private final String initialPassword;
    private final String adminUserId;
    private final SecureRandom random = new SecureRandom();

    IdentitySync(IdentityService identityService, BranchRepository branches, CountyProperties county,
            AccessRules accessRules, TasklistFilters filters, JdbcClient jdbc,
            @Value("${orglife.identity.initial-password:}") String initialPassword,
            @Value("${camunda.bpm.admin-user.id:admin}") String adminUserId) {
        this.identityService = identityService;
        this.branches = branches;
        this.county = county;
        this.accessRules = accessRules;
        this.filters = filters;
        this.jdbc = jdbc;
        this.initialPassword = initialPassword;
        this.adminUserId = adminUserId;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void onStart() {
        sync();
    }

    @EventListener
    @Order(10)
    public void onRosterImported(RosterImported event) {
        sync();
    }

    /** Runs as the system, whoever triggered it: an import by the office must not need rights on authorizations. */
    @Transactional
    public void sync() {
        AsSystem.call(identityService, () -> {
            syncAsSystem();
            return null;
        });
    }

    private void syncAsSystem() {
        branches.saveCounty(county.code(), county.name());
        for (CountyProperties.Township township : county.townships()) {
            branches.saveTownship(township.code(), township.name(), county.code());
        }
        List<Branch> all = branches.findAll();
        Map<String, String> groups = new LinkedHashMap<>();
        for (String id : List.of(Groups.COUNTY_STAFF, Groups.COUNTY_SUPERVISORS, Groups.TOWNSHIP_OFFICE,
                Groups.TOWNSHIP_SUPERVISORS, Groups.LIAISON_CADRES, Groups.BRANCH_SECRETARIES)) {
            groups.put(id, Groups.nameOf(id));
        }
        all.forEach(b -> groups.put(b.groupId(), b.name()));
        groups.forEach(this::ensureGroup);

        TenantMembers tenants = new TenantMembers();
        branches.townships().forEach((code, name) -> {
            ensureTenant(code, name);
            Groups.COUNTY.forEach(group -> tenants.group(code, group));
        });
        for (CountyProperties.Staff staff : county.staff()) {
            ensureUser(new Account(staff.id(), staff.name(), staff.email()));
            ensureMembership(staff.id(), staff.group());
        }
        for (CountyProperties.Township township : county.townships()) {
            for (CountyProperties.Staff staff : township.staff()) {
                ensureUser(new Account(staff.id(), staff.name(), staff.email()));
                ensureMembership(staff.id(), staff.group());
                tenants.user(township.code(), staff.id());
            }
        }
        for (Branch branch : all) {
            ensureUser(branch.secretary());
            ensureUser(branch.liaison());
            if (branch.areaChief() != null) {
                ensureUser(branch.areaChief());
            }
            if (branch.active()) {
                ensureMembership(branch.secretary().userId(), Groups.BRANCH_SECRETARIES);
                ensureMembership(branch.secretary().userId(), branch.groupId());
                ensureMembership(branch.liaison().userId(), Groups.LIAISON_CADRES);
                tenants.user(branch.townshipCode(), branch.secretary().userId());
                tenants.user(branch.townshipCode(), branch.liaison().userId());
                if (branch.areaChief() != null) {
                    ensureMembership(branch.areaChief().userId(), Groups.LIAISON_CADRES);
                    tenants.user(branch.townshipCode(), branch.areaChief().userId());
                }
            }
        }
        endMembershipsTheRegistryNoLongerNames(all);
        tenants.apply();
        ensureAdministrator();
        accessRules.apply();
        filters.apply();
        log.info("identity sync done: {} townships, {} branches, {} groups", county.townships().size(), all.size(),
                groups.size());
    }

    /**
     * The tenant memberships the registry names: a township's staff and its branches' people in their
     * township, the county's groups in every township. Compared with what the engine holds in one read,
     * whatever the number of branches; memberships nobody names any more end (a secretary who moved to
     * another township no longer sees the old one's work).
     */
    private final class TenantMembers {

        /** One membership of a tenant: a user's or a group's (the other is null). */
        private record Member(String tenantId, String userId, String groupId) {
        }

        private final Set<Member> named = new HashSet<>();

        void user(String tenantId, String userId) {
            named.add(new Member(tenantId, userId, null));
        }

        void group(String tenantId, String groupId) {
            named.add(new Member(tenantId, null, groupId));
        }

        void apply() {
            Set<Member> held = new HashSet<>(jdbc.sql("select tenant_id_, user_id_, group_id_ from act_id_tenant_member")
                    .query((rs, n) -> new Member(rs.getString("tenant_id_"), rs.getString("user_id_"),
                            rs.getString("group_id_"))).list());
            List<Member> added = named.stream().filter(m -> !held.contains(m)).toList();
            List<Member> ended = held.stream().filter(m -> !named.contains(m)).toList();
            for (Member m : added) {
                if (m.userId() != null) {
                    identityService.createTenantUserMembership(m.tenantId(), m.userId());
                } else {
                    identityService.createTenantGroupMembership(m.tenantId(), m.groupId());
                }
            }
            for (Member m : ended) {
                if (m.userId() != null) {
                    identityService.deleteTenantUserMembership(m.tenantId(), m.userId());
                } else {
                    identityService.deleteTenantGroupMembership(m.tenantId(), m.groupId());
                }
            }
            if (!added.isEmpty() || !ended.isEmpty()) {
                log.info("tenant memberships: {} added, {} ended", added.size(), ended.size());
            }
        }
    }

    private void ensureTenant(String id, String name) {
        Tenant tenant = identityService.createTenantQuery().tenantId(id).singleResult();
        if (tenant == null) {
            tenant = identityService.newTenant(id);
            tenant.setName(name);
            identityService.saveTenant(tenant);
        } else if (!Objects.equals(tenant.getName(), name)) {
            tenant.setName(name);
            identityService.saveTenant(tenant);
        }
    }

    /**
     * The administrators' group always has a direct member: an empty {@code camunda-admin} is what
     * re-opens the Admin app's first-run setup in Camunda 7 CE (see SECURITY.md). The administrator
     * account itself is created by the starter with the configured password.
     */
    private void ensureAdministrator() {
        if (identityService.createGroupQuery().groupId(Groups.ADMINS).count() == 0) {
            Group group = identityService.newGroup(Groups.ADMINS);
            group.setName("系统管理员");
            group.setType("SYSTEM");
            identityService.saveGroup(group);
            for (org.camunda.bpm.engine.authorization.Resources resource
                    : org.camunda.bpm.engine.authorization.Resources.values()) {
                accessRules.grantGroup(Groups.ADMINS, resource, org.camunda.bpm.engine.authorization.Authorization.ANY,
                        org.camunda.bpm.engine.authorization.Permissions.ALL);
            }
        }
        if (identityService.createUserQuery().memberOfGroup(Groups.ADMINS).count() > 0) {
            return;
        }
        if (identityService.createUserQuery().userId(adminUserId).count() == 0) {
            ensureUser(new Account(adminUserId, "系统管理员", null));
        }
        identityService.createMembership(adminUserId, Groups.ADMINS);
        log.warn("camunda-admin had no direct member; {} was added back", adminUserId);
    }

    private void ensureGroup(String id, String name) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identityService.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        } else if (!Objects.equals(group.getName(), name)) {
            group.setName(name);
            identityService.saveGroup(group);
        }
    }

    private void ensureUser(Account account) {
        User user = identityService.createUserQuery().userId(account.userId()).singleResult();
        String name = account.name() == null ? account.userId() : account.name();
        if (user == null) {
            user = identityService.newUser(account.userId());
            user.setFirstName(name);
            user.setLastName("");
            user.setEmail(account.email());
            user.setPassword(initialPassword.isBlank() ? randomPassword() : initialPassword);
            identityService.saveUser(user);
        } else if (!Objects.equals(user.getFirstName(), name) || !Objects.equals(user.getEmail(), account.email())) {
            user.setFirstName(name);
            user.setEmail(account.email());
            identityService.saveUser(user);
        }
    }

    /**
     * A secretary, liaison cadre or area chief the registry no longer names for a branch leaves the
     * groups the job put them in (a branch's group has its secretary only): a former secretary no longer
     * sees the branch's work. Read in one query, whatever the number of branches.
     */
    private void endMembershipsTheRegistryNoLongerNames(List<Branch> all) {
        Set<String> named = new HashSet<>();
        for (Branch branch : all) {
            if (branch.active()) {
                named.add(branch.secretary().userId() + "\n" + Groups.BRANCH_SECRETARIES);
                named.add(branch.secretary().userId() + "\n" + branch.groupId());
                named.add(branch.liaison().userId() + "\n" + Groups.LIAISON_CADRES);
                if (branch.areaChief() != null) {
                    named.add(branch.areaChief().userId() + "\n" + Groups.LIAISON_CADRES);
                }
            }
        }
        county.staff().forEach(staff -> named.add(staff.id() + "\n" + staff.group()));
        county.townships().forEach(township -> township.staff()
                .forEach(staff -> named.add(staff.id() + "\n" + staff.group())));
        List<String[]> ended = new ArrayList<>();
        jdbc.sql("""
                select user_id_, group_id_ from act_id_membership
                where group_id_ in (?, ?) or group_id_ like 'branch-%'""")
                .params(Groups.BRANCH_SECRETARIES, Groups.LIAISON_CADRES)
                .query((rs, n) -> new String[] {rs.getString("user_id_"), rs.getString("group_id_")}).list()
                .stream().filter(m -> !named.contains(m[0] + "\n" + m[1])).forEach(ended::add);
        ended.forEach(m -> identityService.deleteMembership(m[0], m[1]));
        if (!ended.isEmpty()) {
            log.info("{} memberships ended: the registry no longer names those people for those branches", ended.size());
        }
    }

    private void ensureMembership(String userId, String groupId) {
        boolean member = identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
        if (!member) {
            identityService.createMembership(userId, groupId);
        }
    }

    private String randomPassword() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
