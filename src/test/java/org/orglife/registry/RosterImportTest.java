package org.orglife.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/** Imports into an empty registry (no demo profile); each test's writes are rolled back. */
@SpringBootTest
@ActiveProfiles("test")
@Transactional
class RosterImportTest {

    static final Path EXAMPLES = Path.of("examples/roster");

    @Autowired RosterImport rosterImport;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identityService;
    @Autowired BranchRepository branches;

    @Test
    void aGoodRosterLandsCompletely() throws IOException {
        RosterImport.Result result = rosterImport.importRoster(exampleCsv());

        assertThat(result.branchesAdded()).isEqualTo(dataLines("branches.csv"));
        assertThat(result.membersAdded()).isEqualTo(dataLines("members.csv"));
        assertThat(count("party_branch")).isEqualTo(dataLines("branches.csv"));
        assertThat(count("party_member")).isEqualTo(dataLines("members.csv"));
        assertThat(jdbc.sql("select sanction from party_member where id = 'DDG08-036'").query(String.class).single())
                .isEqualTo("PROBATION");
        assertThat(identityService.createUserQuery().userId("sec-DDG-10").memberOfGroup("branch-DDG-10").count())
                .isEqualTo(1);
    }

    @Test
    void reimportingTheSameRosterChangesNothing() throws IOException {
        rosterImport.importRoster(exampleCsv());
        long revision = branches.rosterRevision();
        RosterImport.Result again = rosterImport.importRoster(exampleCsv());

        assertThat(again.branchesAdded() + again.branchesChanged() + again.membersAdded() + again.membersChanged())
                .isZero();
        assertThat(again.unchanged()).isEqualTo(dataLines("branches.csv") + dataLines("members.csv"));
        assertThat(branches.rosterRevision()).as("figures derived from the members stay valid").isEqualTo(revision);
    }

    @Test
    void anImportThatChangesAMemberMovesTheRosterRevision() throws IOException {
        rosterImport.importRoster(exampleCsv());
        long revision = branches.rosterRevision();
        List<String> lines = Files.readAllLines(EXAMPLES.resolve("members.csv"), StandardCharsets.UTF_8);
        String changed = lines.stream().filter(l -> l.startsWith("DDG01-002,")).findFirst().orElseThrow()
                .replace(",正式,", ",预备,");

        rosterImport.importRoster(List.of(new RosterImport.RosterFile("members.csv",
                (lines.get(0) + "\n" + changed + "\n").getBytes(StandardCharsets.UTF_8))));

        assertThat(branches.rosterRevision()).isEqualTo(revision + 1);
    }

    @Test
    void theWorkbookImportsTheSameAsTheCsvFiles() throws IOException {
        RosterImport.Result fromWorkbook = rosterImport.importRoster(
                List.of(new RosterImport.RosterFile("roster.xlsx", Files.readAllBytes(EXAMPLES.resolve("roster.xlsx")))));
        RosterImport.Result fromCsv = rosterImport.importRoster(exampleCsv());

        assertThat(fromWorkbook.membersAdded()).isEqualTo(dataLines("members.csv"));
        assertThat(fromCsv.unchanged()).isEqualTo(dataLines("branches.csv") + dataLines("members.csv"));
    }

    @Test
    void csvWithoutByteOrderMarkIsReadToo() throws IOException {
        List<RosterImport.RosterFile> files = new ArrayList<>();
        for (RosterImport.RosterFile file : exampleCsv()) {
            String text = new String(file.content(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFF");
            files.add(new RosterImport.RosterFile(file.name(), text.substring(1).getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(rosterImport.importRoster(files).membersAdded()).isEqualTo(dataLines("members.csv"));
    }

    @Test
    void aRosterWithOneBadRowLandsNothingAndNamesTheRow() throws IOException {
        List<RosterImport.RosterFile> files = withMemberLine(12, cells -> cells[1] = "DDG-99");

        RosterRejectedException e = catchThrowableOfType(RosterRejectedException.class,
                () -> rosterImport.importRoster(files));

        assertThat(e.details()).containsExactly("members.csv 第 12 行「所在支部编号」：支部 DDG-99 不存在，请先导入支部表");
        assertThat(e.summary()).isEqualTo("花名册有 1 处错误，未导入任何数据");
        assertThat(count("party_branch")).isZero();
        assertThat(count("party_member")).isZero();
        assertThat(identityService.createUserQuery().userId("sec-DDG-01").count()).isZero();
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused")
    @CsvSource(delimiter = '|', textBlock = """
            党员编号       | DDG01-001          | 党员编号 DDG01-001 重复
            性别           | M                  | 格式不对，应为“男”或“女”
            出生年份       | 一九六七            | 不是整数
            入党日期       | 2021-02-30         | 不是有效日期
            入党日期       | 2099-01-01         | 入党日期不能晚于今天
            党员类别       | 积极分子            | 只能是：正式、预备
            处分           | 记过               | 只能是：无、警告、严重警告、撤销党内职务、留党察看
            流入地组织     | 某单位党委          | 只有流出党员才填写流入地组织
            流入           | 也许               | 只能填“是”或“否”
            姓名           |                    | 不能为空
            """)
    void eachKindOfBadCellIsReportedByLineAndColumn(String column, String value, String message) throws IOException {
        int columnIndex = Arrays.asList(header("members.csv")).indexOf(column);
        List<RosterImport.RosterFile> files = withMemberLine(5, cells -> cells[columnIndex] = value == null ? "" : value);

        RosterRejectedException e = catchThrowableOfType(RosterRejectedException.class,
                () -> rosterImport.importRoster(files));

        assertThat(e.details()).hasSize(1);
        assertThat(e.details().get(0)).startsWith("members.csv 第 5 行「" + column + "」").contains(message);
        assertThat(count("party_member")).isZero();
    }

    @ParameterizedTest(name = "a name beginning like a formula is refused: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            =cmd|' /C calc'!A0
            @SUM(1+1)*cmd|' /C calc'!A0
            +86 138
            -2+3
            """)
    void textASpreadsheetWouldRunAsAFormulaIsRefusedByLineAndColumn(String name) throws IOException {
        int columnIndex = Arrays.asList(header("members.csv")).indexOf("姓名");
        List<RosterImport.RosterFile> files = withMemberLine(7, cells -> cells[columnIndex] = name);

        RosterRejectedException e = catchThrowableOfType(RosterRejectedException.class,
                () -> rosterImport.importRoster(files));

        assertThat(e.details()).containsExactly("members.csv 第 7 行「姓名」：“" + name + "”"
                + (name.startsWith("=") ? "是公式或以 = 开头，表格软件打开时会把它当作公式执行；花名册只接受值，请改为纯文字"
                        : "以 =、+、-、@、制表符或回车开头，表格软件打开时可能把它当作公式执行；请删去开头的符号"));
        assertThat(count("party_member")).as("all or nothing").isZero();
    }

    @Test
    void aTabOrCarriageReturnBeforeTheTextIsRefusedToo() throws IOException {
        List<String> lines = Files.readAllLines(EXAMPLES.resolve("members.csv"), StandardCharsets.UTF_8);
        String[] tab = lines.get(3).split(",", -1);
        tab[3] = "\t=1+1";
        String[] carriageReturn = lines.get(4).split(",", -1);
        carriageReturn[3] = "\"\r=1+1\"";
        String csv = String.join("\n", lines.get(0), lines.get(1), lines.get(2), String.join(",", tab),
                String.join(",", carriageReturn));

        RosterRejectedException e = catchThrowableOfType(RosterRejectedException.class, () -> rosterImport.importRoster(
                List.of(new RosterImport.RosterFile("members.csv", csv.getBytes(StandardCharsets.UTF_8)))));

        assertThat(e.details()).anyMatch(d -> d.startsWith("members.csv 第 4 行「姓名」：“（制表符）=1+1”"))
                .anyMatch(d -> d.startsWith("members.csv 第 5 行「姓名」：“（回车）=1+1”"));
    }

    @Test
    void aFormulaCellInAWorkbookIsRefusedWithItsFormula() throws IOException {
        byte[] workbook;
        try (var book = WorkbookFactory.create(Files.newInputStream(EXAMPLES.resolve("roster.xlsx")));
                var out = new java.io.ByteArrayOutputStream()) {
            var members = book.getSheet("党员");
            int name = java.util.stream.IntStream.range(0, members.getRow(0).getLastCellNum())
                    .filter(c -> "姓名".equals(members.getRow(0).getCell(c).getStringCellValue())).findFirst().orElseThrow();
            members.getRow(3).getCell(name).setCellFormula("HYPERLINK(\"http://example.org\",\"王五\")");
            book.write(out);
            workbook = out.toByteArray();
        }

        RosterRejectedException e = catchThrowableOfType(RosterRejectedException.class, () -> rosterImport.importRoster(
                List.of(new RosterImport.RosterFile("roster.xlsx", workbook))));

        assertThat(e.details()).containsExactly("roster.xlsx 工作表「党员」 第 4 行「姓名」：“=HYPERLINK(\"http://example.org\","
                + "\"王五\")”是公式或以 = 开头，表格软件打开时会把它当作公式执行；花名册只接受值，请改为纯文字");
        assertThat(count("party_member")).isZero();
        assertThat(count("party_branch")).as("the workbook's branch sheet is refused with it").isZero();
    }

    @Test
    void everyBadRowIsReportedNotJustTheFirst() throws IOException {
        List<RosterImport.RosterFile> files = replaceLine(withMemberLine(3, cells -> cells[7] = "x"), 9,
                cells -> cells[17] = "留党察看");

        RosterRejectedException e = catchThrowableOfType(RosterRejectedException.class,
                () -> rosterImport.importRoster(files));

        assertThat(e.details()).anyMatch(d -> d.startsWith("members.csv 第 3 行「党员类别」"))
                .anyMatch(d -> d.startsWith("members.csv 第 9 行「处分日期」"))
                .anyMatch(d -> d.startsWith("members.csv 第 9 行「留党察看期满日期」"));
    }

    @Test
    void aFileThatIsNoRosterIsRefusedInChinese() {
        RosterRejectedException e = catchThrowableOfType(RosterRejectedException.class,
                () -> rosterImport.importRoster(List.of(
                        new RosterImport.RosterFile("list.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)),
                        new RosterImport.RosterFile("photo.png", new byte[] {1, 2, 3}),
                        new RosterImport.RosterFile("broken.xlsx", new byte[] {1, 2, 3}),
                        new RosterImport.RosterFile("gbk.csv", new byte[] {(byte) 0xd6, (byte) 0xa7, (byte) 0xb2, 0x2c}))));

        assertThat(e.details()).containsExactly(
                "list.csv 第 1 行：无法识别的表格：党员表的表头须有「党员编号」，支部表的表头须有「支部编号」和「支部名称」，"
                        + "党员减少表的表头须有「党员编号」「减少方式」和「减少日期」",
                "photo.png：只接受 .csv（UTF-8 编码）或 .xlsx 格式的花名册文件",
                "broken.xlsx：无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密",
                "gbk.csv：文件不是 UTF-8 编码，请在表格软件中另存为“CSV UTF-8”格式后重新上传");
    }

    static List<RosterImport.RosterFile> exampleCsv() throws IOException {
        return List.of(file("branches.csv"), file("members.csv"));
    }

    private static RosterImport.RosterFile file(String name) throws IOException {
        return new RosterImport.RosterFile(name, Files.readAllBytes(EXAMPLES.resolve(name)));
    }

    private static int dataLines(String name) throws IOException {
        return (int) Files.readAllLines(EXAMPLES.resolve(name)).stream().skip(1).filter(l -> !l.isBlank()).count();
    }

    private static String[] header(String name) throws IOException {
        return Files.readAllLines(EXAMPLES.resolve(name)).get(0).replace("\uFEFF", "").split(",", -1);
    }

    private static List<RosterImport.RosterFile> withMemberLine(int line, java.util.function.Consumer<String[]> change)
            throws IOException {
        return replaceLine(exampleCsv(), line, change);
    }

    /** Changes one line (1-based, header = 1) of members.csv. */
    private static List<RosterImport.RosterFile> replaceLine(List<RosterImport.RosterFile> files, int line,
            java.util.function.Consumer<String[]> change) {
        List<RosterImport.RosterFile> result = new ArrayList<>();
        for (RosterImport.RosterFile file : files) {
            if (!file.name().equals("members.csv")) {
                result.add(file);
                continue;
            }
            String[] lines = new String(file.content(), StandardCharsets.UTF_8).split("\r\n", -1);
            String[] cells = lines[line - 1].split(",", -1);
            change.accept(cells);
            lines[line - 1] = String.join(",", cells);
            result.add(new RosterImport.RosterFile(file.name(), String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8)));
        }
        return result;
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }
}
