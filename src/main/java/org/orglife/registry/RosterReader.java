package org.orglife.registry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Turns an uploaded roster file into tables: a UTF-8 CSV file (with or without BOM) is one table,
 * each non-empty sheet of an XLSX workbook is one. Cells are trimmed text; date cells become
 * {@code yyyy-MM-dd}. Unreadable files are reported as {@link RosterProblem}s, never thrown.
 */
class RosterReader {

    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

    List<RosterTable> read(String fileName, byte[] content, List<RosterProblem> problems) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return readWorkbook(fileName, content, problems);
        }
        if (lower.endsWith(".csv")) {
            return readCsv(fileName, content, problems);
        }
        problems.add(new RosterProblem(fileName, 0, null, "只接受 .csv（UTF-8 编码）或 .xlsx 格式的花名册文件"));
        return List.of();
    }

    private List<RosterTable> readCsv(String fileName, byte[] content, List<RosterProblem> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new RosterProblem(fileName, 0, null, "文件不是 UTF-8 编码，请在表格软件中另存为“CSV UTF-8”格式后重新上传"));
            return List.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CsvRecord> records = parseCsv(text, fileName, problems);
        List<List<String>> cells = records.stream().map(CsvRecord::fields).toList();
        List<Integer> lines = records.stream().map(CsvRecord::line).toList();
        // every CSV cell is text
        return toTable(fileName, cells, lines, (row, column) -> true, problems);
    }

    private record CsvRecord(int line, List<String> fields) {
    }

    /** RFC 4180: fields may be quoted, quotes doubled inside quotes, quoted fields may span lines. */
    private static List<CsvRecord> parseCsv(String text, String fileName, List<RosterProblem> problems) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(new CsvRecord(recordLine, fields));
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            problems.add(new RosterProblem(fileName, recordLine, null, "引号未闭合"));
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new CsvRecord(recordLine, fields));
        }
        return records;
    }

    private List<RosterTable> readWorkbook(String fileName, byte[] content, List<RosterProblem> problems) {
        List<RosterTable> tables = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            for (Sheet sheet : workbook) {
                List<List<String>> cells = new ArrayList<>();
                List<List<Boolean>> textual = new ArrayList<>();
                List<Integer> lines = new ArrayList<>();
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    List<String> values = new ArrayList<>();
                    List<Boolean> texts = new ArrayList<>();
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        Cell cell = row.getCell(c);
                        values.add(text(cell));
                        texts.add(cell != null && cell.getCellType() != CellType.NUMERIC);
                    }
                    cells.add(values);
                    textual.add(texts);
                    lines.add(row.getRowNum() + 1);
                }
                String source = fileName + " 工作表「" + sheet.getSheetName() + "」";
                if (cells.stream().anyMatch(r -> r.stream().anyMatch(v -> !v.isBlank()))) {
                    tables.addAll(toTable(source, cells, lines,
                            (row, column) -> column < textual.get(row).size() && textual.get(row).get(column), problems));
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new RosterProblem(fileName, 0, null, "无法读取该 Excel 文件，请确认是 .xlsx 格式且未加密"));
        }
        return tables;
    }

    /**
     * A cell's text, untrimmed (a leading tab counts); a formula as it is written, with its {@code =}, so
     * that it is refused as a formula: a roster holds values, and a formula's cached value may not be
     * what its author sees.
     */
    private String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + cell.getCellFormula();
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell);
    }

    /** Whether the cell at a row (from 0) and column holds text, as opposed to a number or a date. */
    private interface TextCells {
        boolean isText(int row, int column);
    }

    private static List<RosterTable> toTable(String source, List<List<String>> cells, List<Integer> lines,
            TextCells textCells, List<RosterProblem> problems) {
        int headerIndex = 0;
        while (headerIndex < cells.size() && cells.get(headerIndex).stream().allMatch(v -> v.trim().isEmpty())) {
            headerIndex++;
        }
        if (headerIndex == cells.size()) {
            problems.add(new RosterProblem(source, 0, null, "文件是空的"));
            return List.of();
        }
        List<String> header = cells.get(headerIndex).stream().map(String::trim).toList();
        List<RosterTable.Row> rows = new ArrayList<>();
        for (int i = headerIndex + 1; i < cells.size(); i++) {
            List<String> values = cells.get(i);
            if (values.stream().allMatch(v -> v.trim().isEmpty())) {
                continue;
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String value = c < values.size() ? values.get(c) : "";
                if (textCells.isText(i, c) && SpreadsheetText.startsLikeFormula(value)) {
                    problems.add(new RosterProblem(source, lines.get(i), header.get(c), formulaProblem(value)));
                }
                byColumn.put(header.get(c), value.trim());
            }
            if (values.size() > header.size()
                    && values.subList(header.size(), values.size()).stream().anyMatch(v -> !v.trim().isEmpty())) {
                problems.add(new RosterProblem(source, lines.get(i), null, "本行的列数多于表头"));
            }
            rows.add(new RosterTable.Row(lines.get(i), byColumn));
        }
        return List.of(new RosterTable(source, header, rows));
    }

    private static String formulaProblem(String value) {
        String shown = value.replace("\t", "（制表符）").replace("\r", "（回车）").replace("\n", " ");
        if (value.startsWith("=") && value.length() > 1) {
            return "“" + shown + "”是公式或以 = 开头，表格软件打开时会把它当作公式执行；花名册只接受值，请改为纯文字";
        }
        return "“" + shown + "”以 =、+、-、@、制表符或回车开头，表格软件打开时可能把它当作公式执行；请删去开头的符号";
    }
}
