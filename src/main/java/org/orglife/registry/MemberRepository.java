package org.orglife.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes party members. */
@Repository
public class MemberRepository {

    private static final String COLUMNS = """
            id, branch_code, party_group, name, gender, birth_year, joined_on, status,
            leading_cadre, floating_out, inflow_org, floating_in, home_org,
            newly_admitted, transferred_in, hardship, elderly,
            sanction, sanction_on, probation_ends_on""";

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The branch's members now: those who left (转出, 停止党籍) are not among them. */
    public List<Member> findByBranch(String branchCode) {
        return jdbc.sql("select " + COLUMNS + " from party_member where branch_code = ? and left_on is null order by id")
                .param(branchCode).query(MemberRepository::map).list();
    }

    /** Records that a member left; their row, and every record that names them, stays. */
    public void recordDeparture(String id, Departure how, LocalDate on) {
        jdbc.sql("update party_member set left_on = ?, left_because = ? where id = ?")
                .params(Date.valueOf(on), how.name(), id).update();
    }

    /** Members listed again after they had left (back from a transfer): members of the branch again. */
    public int clearDepartures(Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update party_member set left_on = null, left_because = null where id in (:ids) and left_on is not null")
                .param("ids", ids).update();
    }

    /** When the member left, if they did. */
    public Optional<LocalDate> leftOn(String id) {
        return jdbc.sql("select left_on from party_member where id = ? and left_on is not null").param(id)
                .query((rs, n) -> rs.getDate("left_on").toLocalDate()).optional();
    }

    /** Members of other branches who floated into this one (R5: the inflow branch gives an opinion). */
    public List<Member> findFloatingInto(String branchCode) {
        return jdbc.sql("select " + COLUMNS + " from party_member where floating_out = true and inflow_org = ?"
                + " and left_on is null order by id")
                .param(branchCode).query(MemberRepository::map).list();
    }

    public Optional<Member> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from party_member where id = ?").param(id)
                .query(MemberRepository::map).optional();
    }

    public List<Member> findAllById(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from party_member where id in (:ids)").param("ids", ids)
                .query(MemberRepository::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from party_member").query(Long.class).single();
    }

    public void insert(Member m) {
        jdbc.sql("insert into party_member (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(values(m)).update();
    }

    public void update(Member m) {
        jdbc.sql("""
                update party_member set branch_code = ?, party_group = ?, name = ?, gender = ?, birth_year = ?,
                  joined_on = ?, status = ?, leading_cadre = ?, floating_out = ?, inflow_org = ?, floating_in = ?,
                  home_org = ?, newly_admitted = ?, transferred_in = ?, hardship = ?, elderly = ?,
                  sanction = ?, sanction_on = ?, probation_ends_on = ?
                where id = ?""")
                .params(BranchRepository.tail(values(m), m.id())).update();
    }

    private static Object[] values(Member m) {
        return new Object[] {
                m.id(), m.branchCode(), m.partyGroup(), m.name(), m.gender(), m.birthYear(), sqlDate(m.joinedOn()),
                m.status().name(), m.leadingCadre(), m.floatingOut(), m.inflowOrg(), m.floatingIn(), m.homeOrg(),
                m.newlyAdmitted(), m.transferredIn(), m.hardship(), m.elderly(),
                m.sanction().name(), sqlDate(m.sanctionOn()), sqlDate(m.probationEndsOn()) };
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Member map(ResultSet rs, int row) throws SQLException {
        return new Member(
                rs.getString("id"), rs.getString("branch_code"), rs.getString("party_group"), rs.getString("name"),
                rs.getString("gender"), rs.getInt("birth_year"), localDate(rs, "joined_on"),
                MemberStatus.valueOf(rs.getString("status")), rs.getBoolean("leading_cadre"),
                rs.getBoolean("floating_out"), rs.getString("inflow_org"), rs.getBoolean("floating_in"),
                rs.getString("home_org"), rs.getBoolean("newly_admitted"), rs.getBoolean("transferred_in"),
                rs.getBoolean("hardship"), rs.getBoolean("elderly"), Sanction.valueOf(rs.getString("sanction")),
                localDate(rs, "sanction_on"), localDate(rs, "probation_ends_on"));
    }
}
