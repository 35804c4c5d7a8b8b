package org.orglife.escalation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.orglife.form.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A person's in-app notifications, and the outbox of their e-mails. */
@Repository
public class Notifications {

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String NO_MAIL = "NONE";
    static final int MAX_ATTEMPTS = 5;

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> of(String recipient, int limit) {
        return Rows.camelCase(jdbc.sql("""
                select id, task_id, level, branch_code, title, message, created_at, read_at from notification
                where recipient = ? order by created_at desc, id desc fetch first %d rows only""".formatted(limit))
                .param(recipient).query().listOfRows());
    }

    public boolean markRead(long id, String recipient, Instant at) {
        return jdbc.sql("update notification set read_at = ? where id = ? and recipient = ? and read_at is null")
                .params(Timestamp.from(at), id, recipient).update() == 1;
    }

    record Outgoing(long id, String email, String title, String message, int attempts) {
    }

    List<Outgoing> pendingMail(int limit, Instant staleBefore) {
        // a node that died while sending leaves SENDING rows behind; after a while they are sent again
        jdbc.sql("update notification set mail_status = ? where mail_status = ? and mailed_at < ?")
                .params(PENDING, SENDING, Timestamp.from(staleBefore)).update();
        return jdbc.sql("""
                select id, email, title, message, mail_attempts from notification where mail_status = ?
                order by id fetch first %d rows only""".formatted(limit)).param(PENDING)
                .query((rs, n) -> new Outgoing(rs.getLong("id"), rs.getString("email"), rs.getString("title"),
                        rs.getString("message"), rs.getInt("mail_attempts")))
                .list();
    }

    /** Takes the row for this node; false when another node took it first. */
    boolean claim(long id, Instant at) {
        return jdbc.sql("update notification set mail_status = ?, mailed_at = ? where id = ? and mail_status = ?")
                .params(SENDING, Timestamp.from(at), id, PENDING).update() == 1;
    }

    void sent(long id, Instant at) {
        jdbc.sql("update notification set mail_status = ?, mailed_at = ? where id = ?").params(SENT, Timestamp.from(at), id)
                .update();
    }

    void failed(long id, int attempts) {
        jdbc.sql("update notification set mail_status = ?, mail_attempts = ? where id = ?")
                .params(attempts >= MAX_ATTEMPTS ? FAILED : PENDING, attempts, id).update();
    }
}
