package org.orglife.calendar;

/**
 * A holiday file, or the directory configured to hold them, cannot be used. The message is in Chinese
 * and names the file and line so that whoever edited the file can correct it.
 */
public class InvalidHolidayFileException extends IllegalStateException {

    InvalidHolidayFileException(String message) {
        super(message);
    }

    InvalidHolidayFileException(String message, Throwable cause) {
        super(message, cause);
    }

    static InvalidHolidayFileException atLine(HolidayFile file, int lineNumber, String reason) {
        return new InvalidHolidayFileException(
                "节假日文件 %s 第 %d 行格式错误：%s（位置：%s）"
                        .formatted(file.name(), lineNumber, reason, file.location()));
    }
}
