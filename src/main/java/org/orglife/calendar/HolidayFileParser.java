package org.orglife.calendar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one holiday file: lines {@code YYYY-MM-DD 休|班 节日名}, {@code #} starting a comment.
 * Every mistake is refused with the file and line, because a silently skipped line would shift deadlines.
 */
final class HolidayFileParser {

    // The ideographic space is what a Chinese input method types between words.
    private static final Pattern FIELD_SEPARATOR = Pattern.compile("[\\s\\u3000]+");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private HolidayFileParser() {
    }

    static List<HolidayEntry> parse(HolidayFile file) {
        List<HolidayEntry> entries = new ArrayList<>();
        Map<LocalDate, Integer> lineOfDate = new HashMap<>();
        List<byte[]> lines = lines(file);
        for (int index = 0; index < lines.size(); index++) {
            int lineNumber = index + 1;
            HolidayEntry entry = parseLine(file, lineNumber, decode(file, lineNumber, lines.get(index)));
            if (entry == null) {
                continue;
            }
            Integer earlierLine = lineOfDate.putIfAbsent(entry.date(), lineNumber);
            if (earlierLine != null) {
                throw InvalidHolidayFileException.atLine(file, lineNumber,
                        "日期 %s 与第 %d 行重复".formatted(entry.date(), earlierLine));
            }
            entries.add(entry);
        }
        return entries;
    }

    private static HolidayEntry parseLine(HolidayFile file, int lineNumber, String text) {
        String content = withoutComment(text).strip();
        if (content.isEmpty()) {
            return null;
        }
        String[] fields = FIELD_SEPARATOR.split(content, 3);
        if (fields.length < 3) {
            throw InvalidHolidayFileException.atLine(file, lineNumber,
                    "“%s”应为“日期 休|班 节日名”三项，例如“%d-10-01 休 国庆节”".formatted(content, file.year()));
        }
        LocalDate date = parseDate(file, lineNumber, fields[0]);
        HolidayEntry.Kind kind = HolidayEntry.Kind.ofSymbol(fields[1]);
        if (kind == null) {
            throw InvalidHolidayFileException.atLine(file, lineNumber,
                    "第二项应为“休”或“班”，实为“%s”".formatted(fields[1]));
        }
        requireBelongsToYear(file, lineNumber, date);
        if (kind == HolidayEntry.Kind.ADJUSTED_WORKING_DAY && !WorkingDayCalendar.isWeekend(date)) {
            throw InvalidHolidayFileException.atLine(file, lineNumber,
                    "%s 是%s，调休上班日（班）只能是周六或周日".formatted(
                            date, date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA)));
        }
        return new HolidayEntry(date, kind, file.name(), lineNumber);
    }

    private static LocalDate parseDate(HolidayFile file, int lineNumber, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidHolidayFileException.atLine(file, lineNumber,
                    "“%s”不是有效日期，应写作 YYYY-MM-DD，例如 %d-10-01".formatted(text, file.year()));
        }
    }

    /** A notice may start the New Year holiday in the last days of December of the year before. */
    private static void requireBelongsToYear(HolidayFile file, int lineNumber, LocalDate date) {
        boolean sameYear = date.getYear() == file.year();
        boolean decemberBefore = date.getYear() == file.year() - 1 && date.getMonthValue() == 12;
        if (!sameYear && !decemberBefore) {
            throw InvalidHolidayFileException.atLine(file, lineNumber,
                    "日期 %s 不属于 %d 年的安排（只能是 %d 年的日期，或元旦跨年放假时 %d 年 12 月的日期）"
                            .formatted(date, file.year(), file.year(), file.year() - 1));
        }
    }

    private static String withoutComment(String text) {
        int hash = text.indexOf('#');
        return hash < 0 ? text : text.substring(0, hash);
    }

    /** Splits the raw bytes so that a file saved in GBK by mistake is reported at the line it breaks. */
    private static List<byte[]> lines(HolidayFile file) {
        byte[] bytes;
        try (InputStream in = file.resource().getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidHolidayFileException("节假日文件 %s 无法读取：%s（位置：%s）"
                    .formatted(file.name(), e.getMessage(), file.location()), e);
        }
        List<byte[]> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (byte b : bytes) {
            if (b == '\n') {
                lines.add(line.toByteArray());
                line.reset();
            } else {
                line.write(b);
            }
        }
        if (line.size() > 0) {
            lines.add(line.toByteArray());
        }
        return lines;
    }

    private static String decode(HolidayFile file, int lineNumber, byte[] line) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line)).toString();
            // Windows Notepad may save UTF-8 with a byte order mark.
            return lineNumber == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw InvalidHolidayFileException.atLine(file, lineNumber, "不是有效的 UTF-8 文本，请将文件以 UTF-8 编码保存");
        }
    }
}
