package org.orglife.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.CycleDriver;
import org.orglife.cycle.ReviewCycles;
import org.orglife.cycle.TestClock;
import org.orglife.security.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * 整改销号's materials (issue 20: an attachment is optional, never required): the secretary attaches a
 * photo or a scan to an item on its page, removes it, until the item is confirmed; whoever sees the branch
 * reads it, nobody else; every bad file is refused in Chinese and writes nothing. Over HTTP, as the
 * browser does. DDG-08's list of 2079.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ItemAttachmentsTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

    @Autowired ProcessEngine engine;
    @Autowired ReviewCycles reviewCycles;
    @Autowired RectificationRecords records;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;

    @BeforeEach
    void restTalksToThisContextsEngine() {
        ProcessEngines.registerProcessEngine(engine);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    String filedList() {
        TestClock.at(2080, 2, 21);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-08", 2079).jumpTo("reviewFiling");
        records.savePlan(cycle.businessKey, List.of(
                new RectificationRecords.Item(1, null, "台账不规范", "整理台账", LocalDate.of(2080, 6, 30), "书记", false),
                new RectificationRecords.Item(2, null, "走访不够", "走访群众", LocalDate.of(2080, 6, 30), "委员", false)),
                List.of());
        cycle.complete("reviewFiling", Map.of("filingDecision", "ACCEPT"));
        TestClock.reset();
        return cycle.businessKey;
    }

    Task task(String cycleId, String key, int seq) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(cycleId + "-rectification")
                .taskDefinitionKey(key).list().stream().filter(t -> t.getName().contains("第" + seq + "项"))
                .findFirst().orElseThrow();
    }

    List<String> stored(String cycleId) {
        return jdbc.sql("select seq || ':' || file_name || ':' || content_type from rectification_attachment"
                + " where cycle_id = ? order by id").param(cycleId).query(String.class).list();
    }

    int audited(String cycleId) {
        return jdbc.sql("select count(*) from audit_event where cycle_id = ?").param(cycleId).query(Integer.class).single();
    }

    @Test
    void theSecretaryAttachesAndRemovesMaterialsUntilTheItemIsConfirmedAndThoseWhoSeeTheBranchReadThem() {
        // given DDG-08's filed list
        String cycleId = filedList();
        String page = "/rectification/" + cycleId;
        WebSession secretary = WebSession.signIn(http, "sec-DDG-08");

        // when the secretary attaches a photo of the ledger to item 1 (a path in its name is dropped)
        ResponseEntity<String> uploaded = secretary.upload(page + "/items/1/attachments", "C:\\照片\\台账.png", PNG);

        // then it is kept with the item and listed on the page; the liaison cadre opens it as it was sent
        assertThat(uploaded.getStatusCode().value()).isEqualTo(302);
        assertThat(stored(cycleId)).containsExactly("1:台账.png:image/png");
        long id = jdbc.sql("select id from rectification_attachment where cycle_id = ?").param(cycleId)
                .query(Long.class).single();
        String file = page + "/items/1/attachments/" + id;
        assertThat(secretary.get(page).getBody()).contains("台账.png", "上传照片或扫描件");
        ResponseEntity<byte[]> read = WebSession.signIn(http, "liaison1").download(file);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody()).isEqualTo(PNG);
        assertThat(read.getHeaders().getContentType()).hasToString("image/png");
        assertThat(read.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(WebSession.signIn(http, "office").download(file).getStatusCode().value()).isEqualTo(200);
        assertThat(WebSession.signIn(http, "sec-DDG-04").download(file).getStatusCode().value()).isEqualTo(404);
        assertThat(WebSession.signIn(http, "office-ncz").download(file).getStatusCode().value()).isEqualTo(404);
        assertThat(WebSession.signIn(http, "sec-DDG-08").download(page + "/items/2/attachments/" + id)
                .getStatusCode().value()).as("not item 2's").isEqualTo(404);

        // and the liaison cadre confirming the item sees that it has one
        engine.getFormService().submitTaskForm(task(cycleId, "markItemDone", 1).getId(), Map.of("doneNote", "已整理"));
        assertThat(engine.getFormService().getTaskFormVariables(task(cycleId, "confirmItem", 1).getId())
                .getValue("doneReport", String.class)).contains("附材料 1 个");

        // when the secretary removes it and attaches a scan instead, the audit trail has both
        assertThat(secretary.post(page + "/items/1/attachments/" + id + "/delete", Map.of()).getStatusCode().value())
                .isEqualTo(302);
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes();
        secretary.upload(page + "/items/1/attachments", "走访记录", pdf);
        assertThat(stored(cycleId)).containsExactly("1:走访记录.pdf:application/pdf");
        assertThat(jdbc.sql("select action || ' ' || detail from audit_event where cycle_id = ? and action like '%材料'"
                + " order by id").param(cycleId).query(String.class).list())
                .containsExactly("上传整改材料 第 1 项：台账.png", "删除整改材料 第 1 项：台账.png", "上传整改材料 第 1 项：走访记录.pdf");

        // when the item is confirmed, its materials stay as they are
        engine.getFormService().submitTaskForm(task(cycleId, "confirmItem", 1).getId(), Map.of("confirmDecision", "CONFIRM"));
        ResponseEntity<String> late = secretary.upload(page + "/items/1/attachments", "补充.png", PNG);
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(late.getBody()).contains("第 1 项已确认销号，材料不能再改动");
        assertThat(stored(cycleId)).containsExactly("1:走访记录.pdf:application/pdf");
    }

    @Test
    void everyBadFileIsRefusedInChineseAndWritesNothing() {
        // given DDG-08's filed 2081 list, item 2 with five materials already
        TestClock.at(2082, 2, 21);
        CycleDriver cycle = CycleDriver.start(engine, reviewCycles, "DDG-08", 2081).jumpTo("reviewFiling");
        records.savePlan(cycle.businessKey, List.of(
                new RectificationRecords.Item(1, null, "台账不规范", "整理台账", LocalDate.of(2082, 6, 30), "书记", false),
                new RectificationRecords.Item(2, null, "走访不够", "走访群众", LocalDate.of(2082, 6, 30), "委员", false)),
                List.of());
        cycle.complete("reviewFiling", Map.of("filingDecision", "ACCEPT"));
        TestClock.reset();
        String cycleId = cycle.businessKey;
        String page = "/rectification/" + cycleId;
        WebSession secretary = WebSession.signIn(http, "sec-DDG-08");
        for (int i = 0; i < 5; i++) {
            secretary.upload(page + "/items/2/attachments", "照片" + i + ".png", PNG);
        }
        List<String> before = stored(cycleId);
        int audit = audited(cycleId);
        assertThat(before).hasSize(5);

        byte[] big = Arrays.copyOf(PNG, 5 * 1024 * 1024 + 1);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("空文件.png", new byte[0]);
        files.put("文字.jpg", "这不是照片".getBytes());
        files.put("程序.exe", new byte[] { 'M', 'Z', 0, 0 });
        files.put("网页.png", "<script>alert(1)</script>".getBytes());
        files.put("太大.png", big);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            ResponseEntity<String> refused = secretary.upload(page + "/items/1/attachments", f.getKey(), f.getValue());
            assertThat(refused.getStatusCode().value()).as(f.getKey()).isEqualTo(400);
            assertThat(refused.getBody()).as(f.getKey()).containsAnyOf("请选择要上传的文件", "只能上传 JPG、PNG 照片或 PDF 文件",
                    "单个文件不能超过 5 MB");
        }
        ResponseEntity<String> huge = secretary.upload(page + "/items/1/attachments", "更大.png",
                Arrays.copyOf(PNG, 11 * 1024 * 1024));
        assertThat(huge.getStatusCode().value()).isEqualTo(413);
        assertThat(huge.getBody()).contains("上传的文件太大");
        ResponseEntity<String> sixth = secretary.upload(page + "/items/2/attachments", "第六张.png", PNG);
        assertThat(sixth.getStatusCode().value()).isEqualTo(409);
        assertThat(sixth.getBody()).contains("第 2 项已有 5 个材料");
        for (String item : List.of("3", "0", "abc")) {
            ResponseEntity<String> none = secretary.upload(page + "/items/" + item + "/attachments", "照片.png", PNG);
            assertThat(none.getStatusCode().value()).as(item).isEqualTo(404);
            assertThat(none.getBody()).as(item).contains("整改清单中没有");
        }
        for (String person : List.of("liaison1", "office")) {
            ResponseEntity<String> refused = WebSession.signIn(http, person).upload(page + "/items/1/attachments",
                    "照片.png", PNG);
            assertThat(refused.getStatusCode().value()).as(person).isEqualTo(403);
            assertThat(refused.getBody()).contains("只有本支部书记可以上传或删除整改材料");
        }
        for (String person : List.of("sec-DDG-04", "office-ncz")) {
            assertThat(WebSession.signIn(http, person).upload(page + "/items/1/attachments", "照片.png", PNG)
                    .getStatusCode().value()).as(person).isEqualTo(404);
        }
        ResponseEntity<String> deleteOther = WebSession.signIn(http, "liaison1").post(page + "/items/2/attachments/"
                + jdbc.sql("select min(id) from rectification_attachment where cycle_id = ?").param(cycleId)
                        .query(Long.class).single() + "/delete", Map.of());
        assertThat(deleteOther.getStatusCode().value()).isEqualTo(403);
        for (String id : List.of("999999999", "abc")) {
            ResponseEntity<String> missing = secretary.post(page + "/items/2/attachments/" + id + "/delete", Map.of());
            assertThat(missing.getStatusCode().value()).as(id).isEqualTo(404);
            assertThat(missing.getBody()).contains("没有这个材料");
        }

        assertThat(stored(cycleId)).isEqualTo(before);
        assertThat(audited(cycleId)).isEqualTo(audit);
    }
}
