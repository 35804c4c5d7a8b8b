package org.orglife.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orglife.cycle.FollowUpFixture;
import org.orglife.cycle.RectificationProgress;
import org.orglife.cycle.TestClock;
import org.orglife.registry.BranchRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statistics table's rectification follow-up (整改销号): beside the items each branch submitted, how
 * they stand on the day the table is written, per branch and summed per township and county, read back
 * from the XLSX file by the headers' names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class FollowUpStatisticsTest {

    static final int YEAR = 2074;
    static final List<String> FOLLOW_UP = List.of("整改销号事项", "已销号", "逾期未销号", "整改不到位退回");

    @Autowired JdbcClient jdbc;
    @Autowired StatisticsWorkbook workbook;
    @Autowired BranchStatistics statistics;
    @Autowired RectificationProgress progress;
    @Autowired BranchRepository branches;

    FollowUpFixture fixture;

    @BeforeEach
    void filedListsInEveryState() {
        fixture = new FollowUpFixture(jdbc);
        fixture.plant();
    }

    @AfterEach
    void removed() {
        fixture.clear();
    }

    @Test
    void eachBranchsRowCountsItsFollowedItemsAsOfTodayBesideWhatItSubmitted() throws Exception {
        // DDG-02 submitted its row right after the filing: 3 items planned, none confirmed yet
        submit("2074-DDG-02", 3, 0);

        Sheet sheet = township(YEAR);

        Map<String, Integer> column = headers(sheet);
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                .isEqualTo("大东沟镇2074年度组织生活会和民主评议党员情况统计表（整改销号情况截至 2076-02-10）");
        assertThat(new ArrayList<>(column.keySet())).containsSubsequence("整改事项", "已完成整改", "整改销号事项", "已销号",
                "逾期未销号", "整改不到位退回", "优秀上限", "优秀占比", "备案日期", "是否抽查", "报送情况");
        Row ddg02 = row(sheet, "DDG-02");
        Row ddg03 = row(sheet, "DDG-03");
        Row total = sheet.getRow(sheet.getLastRowNum());
        assertThat(numbers(ddg02, column, FOLLOW_UP)).containsExactly(3L, 1L, 1L, 1L);
        assertThat(numbers(ddg03, column, FOLLOW_UP)).containsExactly(2L, 0L, 2L, 0L);
        assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
        assertThat(numbers(total, column, FOLLOW_UP)).containsExactly(5L, 1L, 3L, 1L);
        // what DDG-02 submitted stays as submitted; DDG-03 has submitted nothing
        assertThat(numbers(ddg02, column, List.of("整改事项", "已完成整改"))).containsExactly(3L, 0L);
        assertThat(ddg03.getCell(column.get("整改事项"))).isNull();
        // the columns after them still line up with their headers
        assertThat(text(ddg02, column.get("报送情况"))).isEqualTo("已报送");
        assertThat(text(ddg03, column.get("报送情况"))).isEqualTo("未报送");
        assertThat(text(ddg02, column.get("备案日期"))).isEqualTo("2075-01-20");
        assertThat(text(ddg03, column.get("是否抽查"))).isEqualTo("否");
        assertThat(ddg02.getCell(column.get("优秀上限")).getNumericCellValue()).isEqualTo(3);
        assertThat(text(ddg02, column.get("优秀占比"))).startsWith("0.0%");
        // counted in SQL by the same rules as each item's status
        for (String cycle : List.of("2074-DDG-02", "2074-DDG-03")) {
            RectificationProgress.Summary summary = RectificationProgress.Summary.of(progress.items(cycle),
                    FollowUpFixture.TODAY);
            assertThat(numbers(row(sheet, cycle.substring(5)), column, FOLLOW_UP)).as(cycle).containsExactly(
                    (long) summary.items(), (long) summary.done(), (long) summary.overdue(), (long) summary.reopened());
        }
    }

    @Test
    void theFollowUpIsCountedWhenTheTableIsWrittenNotWhenTheRowWasSubmitted() throws Exception {
        submit("2074-DDG-02", 3, 0);
        // the liaison cadre confirms DDG-02's late item; DDG-03's list was filed before the follow-up existed
        jdbc.sql("""
                update rectification_item set state = 'CONFIRMED', done = true, done_on = date '2076-02-12',
                  confirmed_on = date '2076-02-13' where cycle_id = '2074-DDG-02' and seq = 2""").update();
        jdbc.sql("update rectification_item set state = null, due_on = null where cycle_id = '2074-DDG-03'").update();
        TestClock.at(2076, 2, 16);

        Sheet sheet = township(YEAR);

        Map<String, Integer> column = headers(sheet);
        assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).endsWith("（整改销号情况截至 2076-02-16）");
        assertThat(numbers(row(sheet, "DDG-02"), column, FOLLOW_UP)).containsExactly(3L, 2L, 0L, 1L);
        assertThat(numbers(row(sheet, "DDG-02"), column, List.of("整改事项", "已完成整改"))).as("as submitted")
                .containsExactly(3L, 0L);
        for (String header : FOLLOW_UP) {
            assertThat(row(sheet, "DDG-03").getCell(column.get(header))).as("nothing follows DDG-03's list").isNull();
        }
        assertThat(numbers(sheet.getRow(sheet.getLastRowNum()), column, FOLLOW_UP)).containsExactly(3L, 2L, 0L, 1L);
    }

    @Test
    void theCountysSummaryHasEachTownshipsFollowUpTotals() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.writeCounty(YEAR, "泽州县", branches.townships(), out);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet county = book.getSheet("全县汇总");
            Map<String, Integer> column = headers(county);
            assertThat(new ArrayList<>(column.keySet())).containsSubsequence("已完成整改", "整改销号事项", "已销号",
                    "逾期未销号", "整改不到位退回", "优秀上限");
            assertThat(numbers(row(county, "DDG"), column, FOLLOW_UP)).containsExactly(5L, 1L, 3L, 1L);
            assertThat(numbers(row(county, "NCZ"), column, FOLLOW_UP)).containsExactly(0L, 0L, 0L, 0L);
            assertThat(numbers(county.getRow(county.getLastRowNum()), column, FOLLOW_UP))
                    .containsExactly(5L, 1L, 3L, 1L);
            Sheet ddg = book.getSheet("大东沟镇");
            assertThat(numbers(ddg.getRow(ddg.getLastRowNum()), headers(ddg), FOLLOW_UP))
                    .containsExactly(5L, 1L, 3L, 1L);
        }
    }

    private void submit(String cycleId, int planned, int done) {
        Map<String, Integer> values = new LinkedHashMap<>();
        BranchStatistics.COLUMNS.keySet().forEach(key -> values.put(key, 0));
        values.put("membersTotal", 10);
        values.put("formalMembers", 10);
        values.put("notGraded", 10);
        values.put("rectificationPlanned", planned);
        values.put("rectificationDone", done);
        statistics.save(cycleId, true, values, 3, "sec-DDG-02", Instant.parse("2075-02-01T02:00:00Z"));
    }

    private Sheet township(int year) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(year, "DDG", "大东沟镇", out);
        // read from memory: nothing to close
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray())).getSheetAt(0);
    }

    /** Each header of the second row by its column; no two alike. */
    private static Map<String, Integer> headers(Sheet sheet) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (Cell cell : sheet.getRow(1)) {
            assertThat(columns.put(cell.getStringCellValue(), cell.getColumnIndex())).as(cell.getStringCellValue())
                    .isNull();
        }
        return columns;
    }

    private static Row row(Sheet sheet, String code) {
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            if (code.equals(text(sheet.getRow(r), 0))) {
                return sheet.getRow(r);
            }
        }
        throw new AssertionError("no row of " + code);
    }

    private static List<Long> numbers(Row row, Map<String, Integer> column, List<String> headers) {
        return headers.stream().map(h -> {
            Cell cell = row.getCell(column.get(h));
            assertThat(cell).as(h).isNotNull();
            assertThat(cell.getCellType()).as(h).isEqualTo(CellType.NUMERIC);
            return (long) cell.getNumericCellValue();
        }).toList();
    }

    private static String text(Row row, int column) {
        return row.getCell(column).getStringCellValue();
    }
}
