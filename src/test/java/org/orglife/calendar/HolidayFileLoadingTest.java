package org.orglife.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Where holiday files come from, what happens without one, and how a bad file is refused. */
class HolidayFileLoadingTest {

    private static final String HEADER = """
            # 测试用节假日文件
            # 依据：国务院办公厅关于2022年部分节假日安排的通知

            """;

    @TempDir
    Path directory;

    private final Logger calendarLogger = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logged.start();
        calendarLogger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        calendarLogger.detachAppender(logged);
    }

    @Test
    void aYearWithoutAFileCountsWeekendsOnlyAndSaysSoOnce() {
        WorkingDayCalendar calendar = new WorkingDayCalendar("");

        assertThat(calendar.hasHolidayFileFor(2099)).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2099-01-01"))).as("Thursday, New Year's Day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2099-01-03"))).as("Saturday").isFalse();
        assertThat(calendar.plusWorkingDays(LocalDate.parse("2099-01-02"), 1)).isEqualTo("2099-01-05");
        assertThat(logged.list)
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.getLevel()).isEqualTo(Level.WARN);
                    assertThat(event.getFormattedMessage())
                            .contains("2099 年没有节假日文件 holidays-2099.txt")
                            .contains("No holiday file holidays-2099.txt for 2099");
                });
    }

    @Test
    void aYearWithAFileIsNotWarnedAbout() {
        new WorkingDayCalendar("").isWorkingDay(LocalDate.parse("2022-01-31"));

        assertThat(logged.list).isEmpty();
    }

    @Test
    void aFileInTheExternalDirectoryReplacesTheBuiltInFileOfThatYear() throws IOException {
        write("holidays-2022.txt", HEADER + "2022-03-07 休 镇党委自定\n");

        WorkingDayCalendar calendar = new WorkingDayCalendar(directory.toString());

        assertThat(calendar.isWorkingDay(LocalDate.parse("2022-03-07"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2022-01-31")))
                .as("the built-in Spring Festival no longer applies").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2021-10-01")))
                .as("other years keep the built-in file").isFalse();
    }

    @Test
    void aFileInTheExternalDirectoryAddsAYear() throws IOException {
        write("holidays-2099.txt", "2099-01-01 休 元旦\n");

        WorkingDayCalendar calendar = new WorkingDayCalendar(directory.toString());

        assertThat(calendar.hasHolidayFileFor(2099)).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2099-01-01"))).isFalse();
        assertThat(logged.list).isEmpty();
    }

    @Test
    void aMalformedLineIsRefusedNamingFileAndLine() throws IOException {
        write("holidays-2022.txt", HEADER + "2022-01-31 放 春节\n");

        assertThatThrownBy(() -> new WorkingDayCalendar(directory.toString()))
                .isInstanceOf(InvalidHolidayFileException.class)
                .hasMessageStartingWith("节假日文件 holidays-2022.txt 第 4 行格式错误：")
                .hasMessageContaining("第二项应为“休”或“班”，实为“放”")
                .hasMessageContaining(directory.resolve("holidays-2022.txt").toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2022-01-31 休                  | 应为“日期 休|班 节日名”三项",
            "2022-02-30 休 春节             | “2022-02-30”不是有效日期",
            "2022/01/31 休 春节             | “2022/01/31”不是有效日期",
            "2023-01-02 休 元旦             | 日期 2023-01-02 不属于 2022 年的安排",
            "2021-11-30 休 元旦             | 日期 2021-11-30 不属于 2022 年的安排",
            "2022-01-28 班 春节             | 2022-01-28 是星期五，调休上班日（班）只能是周六或周日",
    })
    void eachKindOfMistakeIsExplained(String line, String reason) throws IOException {
        write("holidays-2022.txt", "2022-01-29 班 春节\n" + line + "\n");

        assertThatThrownBy(() -> new WorkingDayCalendar(directory.toString()))
                .hasMessageStartingWith("节假日文件 holidays-2022.txt 第 2 行格式错误：")
                .hasMessageContaining(reason);
    }

    @Test
    void aDateListedTwiceIsRefused() throws IOException {
        write("holidays-2022.txt", "2022-01-31 休 春节\n2022-01-31 休 春节\n");

        assertThatThrownBy(() -> new WorkingDayCalendar(directory.toString()))
                .hasMessageStartingWith("节假日文件 holidays-2022.txt 第 2 行格式错误：日期 2022-01-31 与第 1 行重复");
    }

    @Test
    void aFileNotSavedAsUtf8IsRefusedAtTheLineWhereItBreaks() throws IOException {
        Files.write(directory.resolve("holidays-2022.txt"),
                "# 2022\n2022-01-31 休 春节\n".getBytes(Charset.forName("GBK")));

        assertThatThrownBy(() -> new WorkingDayCalendar(directory.toString()))
                .hasMessageStartingWith("节假日文件 holidays-2022.txt 第 2 行格式错误：不是有效的 UTF-8 文本");
    }

    @Test
    void aByteOrderMarkFullWidthSpacesAndTrailingCommentsAreAccepted() throws IOException {
        write("holidays-2099.txt", "\uFEFF2099-01-01\u3000休\u3000元旦  # 周四\r\n2099-01-03 班 元旦\r\n");

        WorkingDayCalendar calendar = new WorkingDayCalendar(directory.toString());

        assertThat(calendar.isWorkingDay(LocalDate.parse("2099-01-01"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2099-01-03"))).isTrue();
    }

    @Test
    void twoFilesThatDisagreeOnADayAreRefused() throws IOException {
        write("holidays-2098.txt", "2098-12-27 班 元旦\n");
        write("holidays-2099.txt", "2098-12-27 休 元旦\n");

        assertThatThrownBy(() -> new WorkingDayCalendar(directory.toString()))
                .hasMessage("节假日文件 holidays-2099.txt 第 1 行与 holidays-2098.txt 第 1 行矛盾："
                        + "2098-12-27 一处为“休”，一处为“班”");
    }

    @Test
    void aMissingExternalDirectoryIsRefused() {
        Path missing = directory.resolve("missing");

        assertThatThrownBy(() -> new WorkingDayCalendar(missing.toString()))
                .isInstanceOf(InvalidHolidayFileException.class)
                .hasMessage("节假日目录 %s 不存在或不是目录，请检查配置项 orglife.calendar.dir", missing);
    }

    private void write(String fileName, String content) throws IOException {
        Files.writeString(directory.resolve(fileName), content, StandardCharsets.UTF_8);
    }
}
