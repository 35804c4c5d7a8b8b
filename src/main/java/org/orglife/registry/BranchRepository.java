package org.orglife.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes the county, its townships and their branches. */
@Repository
public class BranchRepository {

    private static final String COLUMNS = """
            code, township_code, name, kind, parent_code,
            secretary_user, secretary_name, secretary_email,
            liaison_user, liaison_name, liaison_email,
            area_chief_user, area_chief_name, area_chief_email, active""";

    private final JdbcClient jdbc;

    BranchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void saveCounty(String code, String name) {
        int updated = jdbc.sql("update county set name = ? where code = ?").params(name, code).update();
        if (updated == 0) {
            jdbc.sql("insert into county (code, name) values (?, ?)").params(code, name).update();
        }
    }

    public void saveTownship(String code, String name, String countyCode) {
        int updated = jdbc.sql("update township set name = ?, county_code = ? where code = ?")
                .params(name, countyCode, code).update();
        if (updated == 0) {
            jdbc.sql("insert into township (code, name, county_code) values (?, ?, ?)").params(code, name, countyCode)
                    .update();
        }
    }

    /** Every township of the registry, code to name, by code. */
    public java.util.Map<String, String> townships() {
        java.util.Map<String, String> townships = new java.util.LinkedHashMap<>();
        jdbc.sql("select code, name from township order by code")
                .query((rs, n) -> townships.put(rs.getString("code"), rs.getString("name"))).list();
        return townships;
    }

    /** The township of a branch, if the registry has the branch. */
    public Optional<String> townshipOf(String branchCode) {
        return jdbc.sql("select township_code from party_branch where code = ?").param(branchCode)
                .query(String.class).optional();
    }

    public List<Branch> findAll() {
        return jdbc.sql("select " + COLUMNS + " from party_branch order by code").query(BranchRepository::map).list();
    }

    /** The branches in the person's scope, by code. */
    public List<Branch> findIn(BranchVisibility.Scope scope) {
        return scope.bind(jdbc.sql("select " + COLUMNS + " from party_branch b where " + scope.condition("b")
                + " order by code")).query(BranchRepository::map).list();
    }

    /** One page of the branches in scope, by code. */
    public List<Branch> findIn(BranchVisibility.Scope scope, BranchPage page) {
        return scope.bind(jdbc.sql("select " + COLUMNS + " from party_branch b where " + scope.condition("b")
                + " order by code limit :limit offset :offset").param("limit", page.size())
                .param("offset", page.offset())).query(BranchRepository::map).list();
    }

    /** How many branches are in scope. */
    public long countIn(BranchVisibility.Scope scope) {
        return scope.bind(jdbc.sql("select count(*) from party_branch b where " + scope.condition("b")))
                .query(Long.class).single();
    }

    /**
     * Counts the roster imports that changed a member: figures derived from the members (the ⌊N/3⌋
     * caps of the dashboard) may be kept until it moves, on every node sharing the database.
     */
    public long rosterRevision() {
        return jdbc.sql("select coalesce(max(roster_revision), 0) from township").query(Long.class).single();
    }

    void rosterChanged() {
        jdbc.sql("update township set roster_revision = roster_revision + 1").update();
    }

    /** The township's active branches, by code. */
    public List<Branch> findActive(String townshipCode) {
        return jdbc.sql("select " + COLUMNS + " from party_branch where active = true and township_code = ? order by code")
                .param(townshipCode).query(BranchRepository::map).list();
    }

    public List<Branch> findActive() {
        return jdbc.sql("select " + COLUMNS + " from party_branch where active = true order by code")
                .query(BranchRepository::map).list();
    }

    public Optional<Branch> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from party_branch where code = ?").param(code)
                .query(BranchRepository::map).optional();
    }

    public void insert(Branch b) {
        jdbc.sql("insert into party_branch (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(values(b)).update();
    }

    public void update(Branch b) {
        jdbc.sql("""
                update party_branch set township_code = ?, name = ?, kind = ?, parent_code = ?,
                  secretary_user = ?, secretary_name = ?, secretary_email = ?,
                  liaison_user = ?, liaison_name = ?, liaison_email = ?,
                  area_chief_user = ?, area_chief_name = ?, area_chief_email = ?, active = ?
                where code = ?""")
                .params(tail(values(b), b.code())).update();
    }

    private static Object[] values(Branch b) {
        Account chief = b.areaChief();
        return new Object[] {
                b.code(), b.townshipCode(), b.name(), b.kind().name(), b.parentCode(),
                b.secretary().userId(), b.secretary().name(), b.secretary().email(),
                b.liaison().userId(), b.liaison().name(), b.liaison().email(),
                chief == null ? null : chief.userId(), chief == null ? null : chief.name(),
                chief == null ? null : chief.email(), b.active() };
    }

    /** Moves the key from the front of an insert's values to the end, for an update's where clause. */
    static Object[] tail(Object[] values, Object key) {
        Object[] result = new Object[values.length];
        System.arraycopy(values, 1, result, 0, values.length - 1);
        result[values.length - 1] = key;
        return result;
    }

    private static Branch map(ResultSet rs, int row) throws SQLException {
        String chiefUser = rs.getString("area_chief_user");
        return new Branch(
                rs.getString("code"), rs.getString("township_code"), rs.getString("name"),
                BranchKind.valueOf(rs.getString("kind")), rs.getString("parent_code"),
                new Account(rs.getString("secretary_user"), rs.getString("secretary_name"), rs.getString("secretary_email")),
                new Account(rs.getString("liaison_user"), rs.getString("liaison_name"), rs.getString("liaison_email")),
                chiefUser == null ? null
                        : new Account(chiefUser, rs.getString("area_chief_name"), rs.getString("area_chief_email")),
                rs.getBoolean("active"));
    }
}
