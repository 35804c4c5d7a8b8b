package org.orglife.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.orglife.cycle.ReviewCycles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A full roster (the branch table and the member table) that no longer lists a member: the preview shows
 * the member as a change to confirm, the import refuses to drop them silently, and a row of the 党员减少表
 * (转出 or 停止党籍, and the day) confirms it. The member's row and past work stay; the branch's lists
 * no longer have them. Bad rows of the 党员减少表 are refused in Chinese and write nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orglife.test.context=roster-departures")
@ActiveProfiles({"demo", "test"})
class RosterDeparturesTest {

    static final Path EXAMPLES = Path.of("examples/roster");
    static final String GONE = "DDG03-005";

    @Autowired RosterImport rosterImport;
    @Autowired MemberRepository members;
    @Autowired ReviewCycles reviewCycles;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;

    @Test
    void aMemberAFullRosterNoLongerListsIsAChangeToConfirmNeverADeletion() throws Exception {
        String name = members.findById(GONE).orElseThrow().name();
        reviewCycles.start("DDG-03", 2043, java.util.Map.of());
        List<RosterImport.RosterFile> without = roster(GONE, null);

        // the preview: nothing written, the member shown as a change to confirm
        ResponseEntity<JsonNode> preview = upload("office", "/api/roster/preview", without);
        assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(preview.getBody().path("toConfirm")).hasSize(1);
        assertThat(preview.getBody().path("toConfirm").get(0).path("memberId").asText()).isEqualTo(GONE);
        assertThat(preview.getBody().path("toConfirm").get(0).path("name").asText()).isEqualTo(name);
        for (String person : List.of("sec-DDG-03", "liaison2", "supervisor")) {
            assertThat(upload(person, "/api/roster/preview", without).getStatusCode()).as(person)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }

        // the import without a confirmation: refused, naming the member and what to do, nothing written
        RosterRejectedException refused = catchThrowableOfType(RosterRejectedException.class,
                () -> rosterImport.importRoster(without));
        assertThat(refused.getMessage()).contains("未导入任何数据");
        assertThat(String.join("\n", refused.problems().stream().map(RosterProblem::describe).toList()))
                .contains(name + "（" + GONE + "）").contains("党员减少表").contains("转出或停止党籍");
        assertThat(members.findByBranch("DDG-03")).extracting(Member::id).contains(GONE);

        // confirmed as 转出 on a day: the branch no longer lists the member; the row, and the cycle, stay
        RosterImport.Result result = rosterImport.importRoster(roster(GONE, GONE + ",转出,2026-11-20"));
        assertThat(result.membersLeft()).isEqualTo(1);
        assertThat(members.findByBranch("DDG-03")).extracting(Member::id).doesNotContain(GONE);
        assertThat(members.findById(GONE)).isPresent();
        assertThat(jdbc.sql("select left_because from party_member where id = ?").param(GONE).query(String.class)
                .single()).isEqualTo("TRANSFERRED_OUT");
        assertThat(jdbc.sql("select count(*) from review_cycle where id = '2043-DDG-03'").query(Integer.class).single())
                .isEqualTo(1);
        assertThat(rosterImport.importRoster(roster(GONE, null)).membersLeft()).as("confirmed once, not asked again")
                .isZero();

        // listed again (back from the transfer): a member of the branch again
        rosterImport.importRoster(roster(null, null));
        assertThat(members.findByBranch("DDG-03")).extracting(Member::id).contains(GONE);
    }

    @Test
    void badRowsOfTheDepartureTableAreRefusedInChineseAndWriteNothing() throws Exception {
        List<String> rows = List.of("NOPE-1,转出,2026-11-01", "DDG03-006,开除,2026-11-01", "DDG03-006,转出,2999-01-01",
                "DDG03-006,转出,1900-01-01", "DDG03-006,转出,", ",转出,2026-11-01", "DDG03-007,停止党籍,2026-11-01\nDDG03-007,转出,2026-11-02");
        for (String row : rows) {
            long before = jdbc.sql("select count(*) from party_member where left_on is not null").query(Long.class).single();
            RosterRejectedException refused = catchThrowableOfType(RosterRejectedException.class,
                    () -> rosterImport.importRoster(roster("DDG03-006".equals(row.substring(0, Math.min(9, row.length())))
                            || row.startsWith("DDG03-007") ? row.substring(0, 9) : null, row)));
            assertThat(refused).as(row).isNotNull();
            assertThat(refused.problems()).as(row).isNotEmpty()
                    .allSatisfy(p -> assertThat(p.describe()).containsPattern("\\p{IsHan}"));
            assertThat(jdbc.sql("select count(*) from party_member where left_on is not null").query(Long.class).single())
                    .as(row).isEqualTo(before);
        }
        // a member still listed in the member table cannot leave in the same roster
        RosterRejectedException listed = catchThrowableOfType(RosterRejectedException.class,
                () -> rosterImport.importRoster(roster(null, "DDG03-006,转出,2026-11-01")));
        assertThat(listed.problems()).extracting(RosterProblem::describe)
                .anySatisfy(d -> assertThat(d).contains("在党员表中仍然列出"));
    }

    /** The example roster without one member's line, and a 党员减少表 with the given rows, if any. */
    static List<RosterImport.RosterFile> roster(String without, String departureRows) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(EXAMPLES.resolve("members.csv"), StandardCharsets.UTF_8));
        if (without != null) {
            lines.removeIf(line -> line.startsWith(without + ","));
        }
        List<RosterImport.RosterFile> files = new ArrayList<>(List.of(
                new RosterImport.RosterFile("branches.csv", Files.readAllBytes(EXAMPLES.resolve("branches.csv"))),
                new RosterImport.RosterFile("members.csv", String.join("\n", lines).getBytes(StandardCharsets.UTF_8))));
        if (departureRows != null) {
            files.add(new RosterImport.RosterFile("departures.csv",
                    ("党员编号,减少方式,减少日期\n" + departureRows + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }

    ResponseEntity<JsonNode> upload(String person, String path, List<RosterImport.RosterFile> files) {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        for (RosterImport.RosterFile file : files) {
            body.add("file", new ByteArrayResource(file.content()) {
                @Override
                public String getFilename() {
                    return file.name();
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(person, "demo").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
