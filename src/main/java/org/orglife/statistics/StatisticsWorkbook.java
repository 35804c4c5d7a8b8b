package org.orglife.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.engine.EngineContext;
import org.orglife.rating.RatingRules;
import org.orglife.registry.BranchKind;
import org.orglife.registry.SpreadsheetText;
import org.springframework.stereotype.Component;

/**
 * 《组织生活会和民主评议党员情况统计表》 as an XLSX file: one row per branch, a total row, the share of
 * 优秀 against its cap, and beside the rectification items each branch submitted, how they stand in the
 * follow-up (整改销号) on the day the file is written. Written with the streaming workbook, so a province's
 * 100,000 rows stay within bounded memory.
 */
@Component
public class StatisticsWorkbook {

    /** The summed columns (key → header), in the table's order: the submitted row's, then the follow-up's. */
    private static final Map<String, String> SUMMED = summed();
    /** A township's sheet: code, name, kind and held come first, then the summed columns. */
    private static final int FIRST_NUMBER = 4;

    private final TownshipStatistics statistics;
    private final WorkingDayCalendar calendar;

    StatisticsWorkbook(TownshipStatistics statistics, WorkingDayCalendar calendar) {
        this.statistics = statistics;
        this.calendar = calendar;
    }

    /**
     * The township's table: one row per branch taking part, and the township's total. The follow-up's
     * columns ({@link TownshipStatistics#FOLLOW_UP_COLUMNS}) count as of today, the rest as submitted.
     */
    public void write(int year, String townshipCode, String townshipName, OutputStream out) throws IOException {
        LocalDate today = today();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook);
            writeTownship(workbook.createSheet(year + "年度统计表"), styles, year, townshipCode, townshipName, today);
            workbook.write(out);
            workbook.dispose();
        }
    }

    /**
     * The county's summary: a first sheet with one row per township (its total, as its own table has it)
     * and the county's total, then each township's table on a sheet of its own.
     */
    public void writeCounty(int year, String countyName, Map<String, String> townships, OutputStream out)
            throws IOException {
        LocalDate today = today();
        List<String> keys = new ArrayList<>(SUMMED.keySet());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Styles styles = new Styles(workbook);
            Sheet county = workbook.createSheet("全县汇总");
            styles.text.put(county.createRow(0), 0, countyName + year + "年度组织生活会和民主评议党员情况统计表（全县汇总）"
                    + asOf(today), styles.bold);
            List<String> headers = new ArrayList<>(List.of("乡镇编号", "乡镇名称", "支部数", "已召开"));
            headers.addAll(SUMMED.values());
            headers.addAll(List.of("优秀上限", "优秀占比", "抽查支部数"));
            Row header = county.createRow(1);
            for (int i = 0; i < headers.size(); i++) {
                styles.text.put(header, i, headers.get(i), styles.bold);
            }
            county.createFreezePane(2, 2);
            Totals all = new Totals(keys.size());
            int rowIndex = 2;
            for (Map.Entry<String, String> township : townships.entrySet()) {
                Totals totals = writeTownship(workbook.createSheet(township.getValue()), styles, year, township.getKey(),
                        township.getValue(), today);
                Row row = county.createRow(rowIndex++);
                styles.text.put(row, 0, township.getKey(), null);
                styles.text.put(row, 1, township.getValue(), null);
                totals.write(row, 2, keys, styles.text);
                all.add(totals);
            }
            Row total = county.createRow(rowIndex);
            styles.text.put(total, 0, "合计", styles.bold);
            styles.text.put(total, 1, "乡镇 " + townships.size() + " 个", styles.bold);
            all.write(total, 2, keys, styles.text);
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static Map<String, String> summed() {
        Map<String, String> columns = new LinkedHashMap<>(BranchStatistics.COLUMNS);
        columns.putAll(TownshipStatistics.FOLLOW_UP_COLUMNS);
        return columns;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(EngineContext.now(), calendar.zone());
    }

    /** The title's note: the follow-up's columns change after the rows were submitted. */
    private static String asOf(LocalDate today) {
        return "（整改销号情况截至 " + today + "）";
    }

    /** Sums of a table: the statistics columns, and branches, held, excellent cap, spot-checked. */
    private static final class Totals {

        final long[] sums;
        final long[] counts = new long[4];

        Totals(int columns) {
            sums = new long[columns];
        }

        void add(Totals other) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += other.sums[i];
            }
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
        }

        /** As a row of the county's sheet, from {@code column}: branches, held, the columns, cap, share, spot checks. */
        void write(Row row, int column, List<String> keys, Texts text) {
            row.createCell(column).setCellValue(counts[0]);
            row.createCell(column + 1).setCellValue(counts[1]);
            for (int i = 0; i < keys.size(); i++) {
                row.createCell(column + 2 + i).setCellValue(sums[i]);
            }
            int after = column + 2 + keys.size();
            row.createCell(after).setCellValue(counts[2]);
            text.put(row, after + 1, share(sums[keys.indexOf("excellent")], sums[keys.indexOf("formalMembers")],
                    counts[2]), null);
            row.createCell(after + 2).setCellValue(counts[3]);
        }
    }

    private record Styles(CellStyle bold, Texts text) {

        Styles(SXSSFWorkbook workbook) {
            this(boldStyle(workbook), new Texts(quotePrefixed(workbook)));
        }

        private static CellStyle boldStyle(SXSSFWorkbook workbook) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            return bold;
        }

        // text that a spreadsheet would take for a formula stays text, also when a cell is edited
        private static CellStyle quotePrefixed(SXSSFWorkbook workbook) {
            CellStyle asText = workbook.createCellStyle();
            asText.setQuotePrefixed(true);
            return asText;
        }
    }

    private Totals writeTownship(Sheet sheet, Styles styles, int year, String townshipCode, String townshipName,
            LocalDate today) {
        List<String> keys = new ArrayList<>(SUMMED.keySet());
        Texts text = styles.text();
        CellStyle bold = styles.bold();
        Row title = sheet.createRow(0);
        text.put(title, 0, townshipName + year + "年度组织生活会和民主评议党员情况统计表" + asOf(today), bold);
        List<String> headers = new ArrayList<>(List.of("支部编号", "支部名称", "组织类型", "是否召开"));
        headers.addAll(SUMMED.values());
        headers.addAll(List.of("优秀上限", "优秀占比", "备案日期", "是否抽查", "报送情况"));
        Row header = sheet.createRow(1);
        for (int i = 0; i < headers.size(); i++) {
            text.put(header, i, headers.get(i), bold);
        }
        sheet.createFreezePane(2, 2);
        Totals totals = new Totals(keys.size());
        long[] sums = totals.sums;
        long[] counts = totals.counts;
        int[] rowIndex = {2};
        statistics.eachRow(year, townshipCode, today, rs -> {
            Row row = sheet.createRow(rowIndex[0]++);
            writeBranch(rs, row, sums, counts, text);
        });
        Row total = sheet.createRow(rowIndex[0]);
        text.put(total, 0, "合计", bold);
        text.put(total, 1, "支部 " + counts[0] + " 个，已召开 " + counts[1] + " 个，未召开 " + (counts[0] - counts[1]) + " 个",
                bold);
        for (int i = 0; i < keys.size(); i++) {
            total.createCell(FIRST_NUMBER + i).setCellValue(sums[i]);
        }
        int after = FIRST_NUMBER + keys.size();
        total.createCell(after).setCellValue(counts[2]);
        long formal = sums[keys.indexOf("formalMembers")];
        long excellent = sums[keys.indexOf("excellent")];
        text.put(total, after + 1, share(excellent, formal, counts[2]), null);
        text.put(total, after + 3, "抽查 " + counts[3] + " 个", null);
        return totals;
    }

    /**
     * A branch's row: the submitted columns where it has submitted, the follow-up's where its list is
     * followed; each value added to its column's sum.
     */
    private static void writeBranch(ResultSet rs, Row row, long[] sums, long[] counts, Texts text)
            throws SQLException {
        boolean submitted = rs.getObject("submitted_at") != null;
        boolean followed = rs.getObject("followed_items") != null;
        counts[0]++;
        text.put(row, 0, rs.getString("code"), null);
        text.put(row, 1, rs.getString("name"), null);
        text.put(row, 2, BranchKind.valueOf(rs.getString("kind")).label(), null);
        boolean held = submitted && rs.getBoolean("meeting_held");
        if (held) {
            counts[1]++;
        }
        text.put(row, 3, submitted ? (held ? "已召开" : "未召开") : "", null);
        int column = 0;
        for (String key : SUMMED.keySet()) {
            if (BranchStatistics.COLUMNS.containsKey(key) ? submitted : followed) {
                long value = rs.getLong(TownshipStatistics.snake(key));
                row.createCell(FIRST_NUMBER + column).setCellValue(value);
                sums[column] += value;
            }
            column++;
        }
        int after = FIRST_NUMBER + column;
        if (submitted) {
            long cap = RatingRules.excellentCap(rs.getInt("formal_members"));
            counts[2] += cap;
            row.createCell(after).setCellValue(cap);
            text.put(row, after + 1, share(rs.getLong("excellent"), rs.getLong("formal_members"), cap), null);
        }
        java.sql.Date filed = rs.getDate("filed_on");
        text.put(row, after + 2, filed == null ? "" : filed.toString(), null);
        boolean spotChecked = rs.getBoolean("spot_checked");
        if (spotChecked) {
            counts[3]++;
        }
        text.put(row, after + 3, spotChecked ? "是" : "否", null);
        text.put(row, after + 4, submitted ? "已报送" : "未报送", null);
    }

    private static String share(long excellent, long formal, long cap) {
        if (formal == 0) {
            return "—";
        }
        return String.format("%.1f%%（%d/%d，上限 %d 名%s）", 100.0 * excellent / formal, excellent, formal, cap,
                excellent > cap ? "，超出" : "");
    }

    /** Writes text cells; text beginning like a formula (a branch's name, say) is marked as text. */
    private record Texts(CellStyle asText) {

        void put(Row row, int column, String value, CellStyle style) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            if (SpreadsheetText.startsLikeFormula(value)) {
                cell.setCellStyle(asText);
            } else if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
