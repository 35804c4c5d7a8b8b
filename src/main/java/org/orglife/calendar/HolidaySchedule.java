package org.orglife.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every holiday file found, merged into one lookup by date; immutable once loaded. */
final class HolidaySchedule {

    private static final Logger log = LoggerFactory.getLogger(HolidaySchedule.class);
    private static final String CLASSPATH_PATTERN = "classpath*:calendar/holidays-*.txt";
    private static final Pattern FILE_NAME = Pattern.compile("holidays-(\\d{4})\\.txt");

    private final Map<LocalDate, HolidayEntry> entryByDate;
    private final Set<Integer> years;

    private HolidaySchedule(Map<LocalDate, HolidayEntry> entryByDate, Set<Integer> years) {
        this.entryByDate = Map.copyOf(entryByDate);
        this.years = Set.copyOf(years);
    }

    /**
     * @param externalDirectory where the township keeps its own files, or {@code null}; a file there
     *                          replaces the built-in file of the same year as a whole
     */
    static HolidaySchedule load(Path externalDirectory) {
        Map<Integer, HolidayFile> files = new TreeMap<>(classpathFiles());
        if (externalDirectory != null) {
            files.putAll(externalFiles(externalDirectory));
        }
        Map<LocalDate, HolidayEntry> entryByDate = new HashMap<>();
        for (HolidayFile file : files.values()) {
            for (HolidayEntry entry : HolidayFileParser.parse(file)) {
                HolidayEntry earlier = entryByDate.putIfAbsent(entry.date(), entry);
                if (earlier != null && earlier.kind() != entry.kind()) {
                    throw new InvalidHolidayFileException(
                            "节假日文件 %s 第 %d 行与 %s 第 %d 行矛盾：%s 一处为“%s”，一处为“%s”".formatted(
                                    entry.fileName(), entry.lineNumber(), earlier.fileName(), earlier.lineNumber(),
                                    entry.date(), entry.kind().symbol(), earlier.kind().symbol()));
                }
            }
        }
        log.info("工作日历已载入节假日文件 / Working-day calendar loaded holiday files: {}",
                files.values().stream().map(HolidayFile::location).collect(Collectors.joining(", ")));
        return new HolidaySchedule(entryByDate, files.keySet());
    }

    Optional<HolidayEntry.Kind> kindOf(LocalDate date) {
        return Optional.ofNullable(entryByDate.get(date)).map(HolidayEntry::kind);
    }

    boolean covers(int year) {
        return years.contains(year);
    }

    private static Map<Integer, HolidayFile> classpathFiles() {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver(HolidaySchedule.class.getClassLoader())
                    .getResources(CLASSPATH_PATTERN);
        } catch (IOException e) {
            throw new InvalidHolidayFileException("无法读取程序内置的节假日文件：" + e.getMessage(), e);
        }
        Map<Integer, HolidayFile> files = new HashMap<>();
        for (Resource resource : resources) {
            String name = resource.getFilename();
            Matcher matcher = FILE_NAME.matcher(name == null ? "" : name);
            // First on the classpath wins, as with any other classpath resource.
            if (matcher.matches()) {
                int year = Integer.parseInt(matcher.group(1));
                files.putIfAbsent(year, new HolidayFile(year, name, "程序内置 calendar/" + name, resource));
            }
        }
        return files;
    }

    private static Map<Integer, HolidayFile> externalFiles(Path directory) {
        Path absolute = directory.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            throw new InvalidHolidayFileException(
                    "节假日目录 %s 不存在或不是目录，请检查配置项 orglife.calendar.dir".formatted(absolute));
        }
        Map<Integer, HolidayFile> files = new HashMap<>();
        try (Stream<Path> paths = Files.list(absolute)) {
            paths.filter(Files::isRegularFile).forEach(path -> {
                String name = path.getFileName().toString();
                Matcher matcher = FILE_NAME.matcher(name);
                if (matcher.matches()) {
                    int year = Integer.parseInt(matcher.group(1));
                    files.put(year, new HolidayFile(year, name, path.toString(), new FileSystemResource(path)));
                } else if (name.startsWith("holidays")) {
                    log.warn("节假日目录中的文件 {} 未按 holidays-YYYY.txt 命名，已忽略 / Ignored {}: not named holidays-YYYY.txt",
                            path, path);
                }
            });
        } catch (IOException e) {
            throw new InvalidHolidayFileException("节假日目录 %s 无法读取：%s".formatted(absolute, e.getMessage()), e);
        }
        return files;
    }
}
