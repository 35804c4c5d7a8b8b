package org.orglife.bench;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.orglife.identity.Groups;
import org.orglife.identity.IdentitySync;
import org.orglife.registry.BranchKind;
import org.orglife.registry.Sanction;
import org.orglife.registry.CountyProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A registry of N branches × M members with the demo roster's mix of member kinds (examples/roster:
 * ~5% probationary, ~6% floating out — a third of them into another branch here —, ~1% floating in,
 * ~5% newly admitted, ~2% transferred in, ~5% hardship, ~8% elderly, ~4% leading cadres, ~2% under a
 * sanction of every kind), written with JDBC batches. Reproducible: member i of branch b always gets
 * the same flags.
 *
 * <p>Identity: {@code sync} runs {@link IdentitySync} as a roster import would (about twenty engine
 * commands per branch: an existence query before every write); {@code bulk} writes exactly the rows
 * that sync would write for a fresh branch (its group, secretary, liaison and area-chief accounts,
 * memberships; the branch group holds no grant of its own) with JDBC batches, and leaves the township-wide
 * part to the sync that ran at start. A later sync finds nothing to change (see BenchmarkTest).
 */
@Component
@Profile("bench")
class SyntheticRegistry {

    private static final int BATCH = 1000;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "郭", "马"};
    private static final String[] GIVEN = {"建国", "秀英", "海涛", "丽萍", "晓东", "俊豪", "慧", "明", "玲", "国强", "志刚", "桂兰"};
    private static final String[] OUTSIDE = {"北京市大兴区亦庄镇流动党员党支部", "苏州工业园区恒通物流联合党支部",
            "深圳市宝安区西乡街道流动党员党支部", "太原市小店区坞城街道锦苑社区党委"};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CountyProperties.Township township;
    private final IdentitySync identitySync;
    /** The county's shape, set by {@link #writeRegistry}: how many townships share how many branches. */
    private int townships = 1;
    private int branches = 1;

    SyntheticRegistry(JdbcTemplate jdbc, TransactionTemplate tx, CountyProperties county, IdentitySync identitySync) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.township = county.townships().get(0);
        this.identitySync = identitySync;
    }

    static String code(int branch) {
        return String.format("BN-%06d", branch);
    }

    static String secretary(int branch) {
        return "sec-" + code(branch);
    }

    static String liaison(int branch) {
        return "liaison-" + (branch - 1) / 25;
    }

    static String areaChief(int branch) {
        return "chief-" + (branch - 1) / 50;
    }

    /**
     * The township of a branch: the branches are split among the townships in blocks (each liaison
     * cadre's 25 branches in one township when the blocks are multiples of 25).
     */
    String townshipOf(int branch) {
        return townshipCode((int) (1 + (long) (branch - 1) * townships / branches));
    }

    /** Every township's code, in order. */
    List<String> townshipCodes() {
        List<String> codes = new ArrayList<>();
        for (int t = 1; t <= townships; t++) {
            codes.add(townshipCode(t));
        }
        return codes;
    }

    /** The first township is the configured one, the others {@code T02}, {@code T03}… */
    private String townshipCode(int t) {
        return t == 1 ? township.code() : String.format("T%02d", t);
    }

    /** Townships, branches and members; returns the number of members written. */
    long writeRegistry(int townships, int branches, int members, int year) {
        this.townships = townships;
        this.branches = branches;
        for (String code : townshipCodes()) {
            String name = code.equals(township.code()) ? township.name() : "第" + code.substring(1) + "镇";
            jdbc.update("insert into township (code, name) select ?, ? where not exists (select 1 from township where code = ?)",
                    code, name, code);
        }
        BranchKind[] kinds = {BranchKind.VILLAGE, BranchKind.VILLAGE, BranchKind.VILLAGE, BranchKind.ORGAN,
                BranchKind.SCHOOL, BranchKind.CLINIC, BranchKind.PRIVATE_ENTERPRISE};
        List<Object[]> rows = new ArrayList<>();
        for (int b = 1; b <= branches; b++) {
            rows.add(new Object[] {code(b), townshipOf(b), "第" + b + "党支部", kinds[b % kinds.length].name(), null,
                    secretary(b), name(new Random(b)), null, liaison(b), "联系干部" + (b - 1) / 25, null,
                    areaChief(b), "片长" + (b - 1) / 50, null, true});
            if (rows.size() == BATCH) {
                flushBranches(rows);
            }
        }
        flushBranches(rows);
        long written = 0;
        for (int b = 1; b <= branches; b++) {
            for (int m = 1; m <= members; m++) {
                rows.add(member(b, m, branches, year));
                written++;
                if (rows.size() == BATCH) {
                    flushMembers(rows);
                }
            }
        }
        flushMembers(rows);
        return written;
    }

    private void flushBranches(List<Object[]> rows) {
        tx.executeWithoutResult(s -> jdbc.batchUpdate("""
                insert into party_branch (code, township_code, name, kind, parent_code,
                  secretary_user, secretary_name, secretary_email, liaison_user, liaison_name, liaison_email,
                  area_chief_user, area_chief_name, area_chief_email, active)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows));
        rows.clear();
    }

    private void flushMembers(List<Object[]> rows) {
        tx.executeWithoutResult(s -> jdbc.batchUpdate("""
                insert into party_member (id, branch_code, party_group, name, gender, birth_year, joined_on, status,
                  leading_cadre, floating_out, inflow_org, floating_in, home_org,
                  newly_admitted, transferred_in, hardship, elderly, sanction, sanction_on, probation_ends_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows));
        rows.clear();
    }

    private static Object[] member(int b, int m, int branches, int year) {
        Random r = new Random(b * 100_003L + m);
        double p = r.nextDouble();
        boolean probationary = m > 1 && p < 0.05;
        boolean floatingOut = !probationary && m > 1 && r.nextDouble() < 0.06;
        String inflow = null;
        if (floatingOut) {
            inflow = branches > 1 && r.nextInt(3) == 0 ? code(b % branches + 1) : OUTSIDE[r.nextInt(OUTSIDE.length)];
        }
        boolean floatingIn = !floatingOut && m > 1 && r.nextDouble() < 0.011;
        double s = r.nextDouble();
        Sanction sanction = m == 1 || probationary ? Sanction.NONE
                : s < 0.0085 ? Sanction.WARNING : s < 0.014 ? Sanction.SERIOUS_WARNING
                : s < 0.0197 ? Sanction.PROBATION : s < 0.0225 ? Sanction.REMOVAL_FROM_POST : Sanction.NONE;
        int birth = 1945 + r.nextInt(60);
        LocalDate joined = LocalDate.of(Math.min(year - 1, birth + 20 + r.nextInt(30)), 1 + r.nextInt(12), 1 + r.nextInt(28));
        if (probationary) {
            joined = LocalDate.of(year, 1 + r.nextInt(6), 1 + r.nextInt(28));
        }
        LocalDate sanctionOn = sanction == Sanction.NONE ? null : LocalDate.of(year, 3, 1);
        return new Object[] {String.format("BN%06d-%03d", b, m), code(b), null, name(r), r.nextBoolean() ? "男" : "女",
                birth, Date.valueOf(joined), probationary ? "PROBATIONARY" : "FORMAL", m == 1 || r.nextDouble() < 0.03,
                floatingOut, inflow, floatingIn, floatingIn ? "高平市米山镇河西村党支部" : null,
                probationary || r.nextDouble() < 0.01, r.nextDouble() < 0.017, r.nextDouble() < 0.05,
                birth < 1950 || r.nextDouble() < 0.05, sanction.name(), sanctionOn == null ? null : Date.valueOf(sanctionOn),
                sanction == Sanction.PROBATION ? Date.valueOf(LocalDate.of(year + 2, 3, 1)) : null};
    }

    private static String name(Random r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
    }

    /**
     * The township-wide accounts, groups, grants and Tasklist filters, before any branch exists: the
     * command-line runner comes before the application-ready sync, so the bench runs it itself.
     */
    void writeTownshipIdentity() {
        identitySync.sync();
    }

    /** The engine identity of the registry, by the chosen path. */
    void writeIdentity(int branches, boolean bulk) {
        if (!bulk) {
            identitySync.sync();
            return;
        }
        List<Object[]> groups = new ArrayList<>();
        List<Object[]> users = new ArrayList<>();
        List<Object[]> memberships = new ArrayList<>();
        List<Object[]> tenantMembers = new ArrayList<>();
        Set<String> shared = new LinkedHashSet<>();
        Set<String> tenants = new java.util.HashSet<>(jdbc.queryForList("select ID_ from ACT_ID_TENANT", String.class));
        for (String code : townshipCodes()) {
            if (tenants.add(code)) {
                // a township the configuration does not name: its tenant, with the county's groups in it, as the sync makes it
                jdbc.update("insert into ACT_ID_TENANT (ID_, REV_, NAME_) values (?, 1, ?)", code, code);
                for (String group : List.of(Groups.COUNTY_STAFF, Groups.COUNTY_SUPERVISORS)) {
                    jdbc.update("insert into ACT_ID_TENANT_MEMBER (ID_, TENANT_ID_, GROUP_ID_) values (?, ?, ?)",
                            java.util.UUID.randomUUID().toString(), code, group);
                }
            }
        }
        for (int b = 1; b <= branches; b++) {
            String group = "branch-" + code(b);
            groups.add(new Object[] {group, "第" + b + "党支部"});
            users.add(new Object[] {secretary(b), name(new Random(b))});
            memberships.add(new Object[] {secretary(b), Groups.BRANCH_SECRETARIES});
            memberships.add(new Object[] {secretary(b), group});
            tenantMembers.add(new Object[] {java.util.UUID.randomUUID().toString(), townshipOf(b), secretary(b)});
            if (shared.add(liaison(b))) {
                users.add(new Object[] {liaison(b), "联系干部" + (b - 1) / 25});
                memberships.add(new Object[] {liaison(b), Groups.LIAISON_CADRES});
            }
            // a liaison cadre or area chief whose branches lie in two townships works in both
            if (shared.add(townshipOf(b) + "\n" + liaison(b))) {
                tenantMembers.add(new Object[] {java.util.UUID.randomUUID().toString(), townshipOf(b), liaison(b)});
            }
            if (shared.add(areaChief(b))) {
                users.add(new Object[] {areaChief(b), "片长" + (b - 1) / 50});
                memberships.add(new Object[] {areaChief(b), Groups.LIAISON_CADRES});
            }
            if (shared.add(townshipOf(b) + "\n" + areaChief(b))) {
                tenantMembers.add(new Object[] {java.util.UUID.randomUUID().toString(), townshipOf(b), areaChief(b)});
            }
            if (groups.size() >= BATCH) {
                flushIdentity(groups, users, memberships, tenantMembers);
            }
        }
        flushIdentity(groups, users, memberships, tenantMembers);
    }

    private void flushIdentity(List<Object[]> groups, List<Object[]> users, List<Object[]> memberships,
            List<Object[]> tenantMembers) {
        tx.executeWithoutResult(s -> {
            jdbc.batchUpdate("insert into ACT_ID_GROUP (ID_, REV_, NAME_, TYPE_) values (?, 1, ?, 'WORKFLOW')", groups);
            jdbc.batchUpdate("insert into ACT_ID_USER (ID_, REV_, FIRST_, LAST_, ATTEMPTS_) values (?, 1, ?, '', 0)", users);
            jdbc.batchUpdate("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, ?)", memberships);
            jdbc.batchUpdate("insert into ACT_ID_TENANT_MEMBER (ID_, TENANT_ID_, USER_ID_) values (?, ?, ?)",
                    tenantMembers);
        });
        groups.clear();
        users.clear();
        memberships.clear();
        tenantMembers.clear();
    }
}
