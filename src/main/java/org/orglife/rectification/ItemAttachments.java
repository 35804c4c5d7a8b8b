package org.orglife.rectification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.orglife.cycle.AuditTrail;
import org.orglife.cycle.BranchCycle;
import org.orglife.cycle.RectificationItemState;
import org.orglife.cycle.RectificationProgress;
import org.orglife.cycle.ReviewCycles;
import org.orglife.engine.EngineContext;
import org.orglife.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the secretary may attach to a followed rectification item: a photo or a scan (JPG, PNG or PDF,
 * at most {@value #MAX_MEGABYTES} MB, {@value #MAX_PER_ITEM} an item), never required (the notice forbids
 * forced paperwork). Added and removed until the item is confirmed; read by whoever sees the branch. The
 * type is told from the file's first bytes, not from its name or what the browser says.
 */
@Service
public class ItemAttachments {

    static final int MAX_MEGABYTES = 5;
    static final int MAX_PER_ITEM = 5;
    static final int NAME_LENGTH = 200;

    /** The kinds of file taken, each known by its first bytes. */
    enum Kind {
        JPEG("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
        PNG("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }),
        PDF("application/pdf", new byte[] { '%', 'P', 'D', 'F', '-' });

        final String contentType;
        final byte[] magic;

        Kind(String contentType, byte[] magic) {
            this.contentType = contentType;
            this.magic = magic;
        }

        static Kind of(byte[] content) {
            for (Kind kind : values()) {
                if (content.length >= kind.magic.length
                        && Arrays.equals(Arrays.copyOf(content, kind.magic.length), kind.magic)) {
                    return kind;
                }
            }
            return null;
        }
    }

    public record Attachment(long id, int seq, String fileName, String contentType, int sizeBytes, String uploadedBy,
            Instant uploadedAt) {

        /** "320 KB", "1.5 MB". */
        public String size() {
            return sizeBytes < 1024 * 1024 ? Math.max(1, sizeBytes / 1024) + " KB"
                    : String.format("%.1f MB", sizeBytes / 1024.0 / 1024.0);
        }
    }

    public record Content(String fileName, String contentType, byte[] bytes) {
    }

    private final JdbcClient jdbc;
    private final ReviewCycles reviewCycles;
    private final RectificationProgress progress;
    private final AuditTrail audit;

    ItemAttachments(JdbcClient jdbc, ReviewCycles reviewCycles, RectificationProgress progress, AuditTrail audit) {
        this.jdbc = jdbc;
        this.reviewCycles = reviewCycles;
        this.progress = progress;
        this.audit = audit;
    }

    /** The cycle's attachments by item, oldest first. */
    public Map<Integer, List<Attachment>> byItem(String cycleId) {
        Map<Integer, List<Attachment>> byItem = new LinkedHashMap<>();
        jdbc.sql("""
                select id, seq, file_name, content_type, size_bytes, uploaded_by, uploaded_at
                from rectification_attachment where cycle_id = ? order by seq, id""").param(cycleId)
                .query((rs, n) -> new Attachment(rs.getLong("id"), rs.getInt("seq"), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("uploaded_by"),
                        rs.getTimestamp("uploaded_at").toInstant()))
                .list().forEach(a -> byItem.computeIfAbsent(a.seq(), s -> new java.util.ArrayList<>()).add(a));
        return byItem;
    }

    /** Attaches the file to the item; refused whole, in Chinese, writing nothing. */
    @Transactional
    public void add(String cycleId, int seq, String fileName, byte[] content, CurrentUser user) {
        RectificationProgress.Item item = changeable(cycleId, seq, user);
        if (count(cycleId, seq) >= MAX_PER_ITEM) {
            throw new FollowUpRefusedException(409, "第 " + seq + " 项已有 " + MAX_PER_ITEM + " 个材料，请先删除不需要的");
        }
        if (content == null || content.length == 0) {
            throw new FollowUpRefusedException(400, "请选择要上传的文件");
        }
        if (content.length > MAX_MEGABYTES * 1024 * 1024) {
            throw new FollowUpRefusedException(400, "单个文件不能超过 " + MAX_MEGABYTES + " MB，未上传");
        }
        Kind kind = Kind.of(content);
        if (kind == null) {
            throw new FollowUpRefusedException(400, "只能上传 JPG、PNG 照片或 PDF 文件，未上传");
        }
        String name = cleanName(fileName, kind);
        Instant now = EngineContext.now();
        jdbc.sql("""
                insert into rectification_attachment (cycle_id, seq, file_name, content_type, size_bytes, content,
                  uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(cycleId, item.seq(), name, kind.contentType, content.length, content, user.id(),
                        Timestamp.from(now))
                .update();
        audit.append(cycleId, RectificationFollowUps.AUDIT_STEP, "上传整改材料", "第 " + seq + " 项：" + name, user.id(), now);
    }

    /** Removes one of the item's attachments, until the item is confirmed. */
    @Transactional
    public void remove(String cycleId, int seq, long id, CurrentUser user) {
        changeable(cycleId, seq, user);
        String name = jdbc.sql("select file_name from rectification_attachment where id = ? and cycle_id = ? and seq = ?")
                .params(id, cycleId, seq).query(String.class).optional()
                .orElseThrow(() -> new FollowUpRefusedException(404, "没有这个材料"));
        jdbc.sql("delete from rectification_attachment where id = ?").param(id).update();
        audit.append(cycleId, RectificationFollowUps.AUDIT_STEP, "删除整改材料", "第 " + seq + " 项：" + name, user.id(),
                EngineContext.now());
    }

    /** An attachment's file, for whoever sees the branch. */
    public Content content(String cycleId, int seq, long id, CurrentUser user) {
        reviewCycles.visibleTo(cycleId, user);
        return jdbc.sql("""
                select file_name, content_type, content from rectification_attachment
                where id = ? and cycle_id = ? and seq = ?""").params(id, cycleId, seq)
                .query((rs, n) -> new Content(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional().orElseThrow(() -> new FollowUpRefusedException(404, "没有这个材料"));
    }

    /** The item, if the person is the branch's secretary and it is not confirmed yet. */
    private RectificationProgress.Item changeable(String cycleId, int seq, CurrentUser user) {
        BranchCycle cycle = reviewCycles.visibleTo(cycleId, user);
        if (!cycle.isSecretary(user)) {
            throw new FollowUpRefusedException(403, "只有本支部书记可以上传或删除整改材料");
        }
        RectificationProgress.Item item = progress.item(cycleId, seq).filter(i -> i.state() != null)
                .orElseThrow(() -> new FollowUpRefusedException(404, "整改清单中没有第 " + seq + " 项"));
        if (item.state() == RectificationItemState.CONFIRMED) {
            throw new FollowUpRefusedException(409, "第 " + seq + " 项已确认销号，材料不能再改动");
        }
        return item;
    }

    private int count(String cycleId, int seq) {
        return jdbc.sql("select count(*) from rectification_attachment where cycle_id = ? and seq = ?")
                .params(cycleId, seq).query(Integer.class).single();
    }

    /** The file's own name, without a path or control characters, ending as its kind does. */
    static String cleanName(String fileName, Kind kind) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}<>\"]", "").strip();
        String extension = switch (kind) {
            case JPEG -> ".jpg";
            case PNG -> ".png";
            case PDF -> ".pdf";
        };
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean fits = lower.endsWith(extension) || kind == Kind.JPEG && lower.endsWith(".jpeg");
        if (name.isEmpty() || name.startsWith(".")) {
            name = "整改材料" + extension;
        } else if (!fits) {
            name = name + extension;
        }
        return name.length() <= NAME_LENGTH ? name : name.substring(name.length() - NAME_LENGTH);
    }
}
