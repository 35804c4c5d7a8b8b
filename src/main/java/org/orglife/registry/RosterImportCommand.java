package org.orglife.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** {@code java -jar orglife.jar --import=branches.csv,members.csv}: imports a roster from the command line and exits. */
@Component
class RosterImportCommand implements ApplicationRunner {

    private final RosterImport rosterImport;
    private final ApplicationContext context;

    RosterImportCommand(RosterImport rosterImport, ApplicationContext context) {
        this.rosterImport = rosterImport;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!args.containsOption("import")) {
            return;
        }
        List<RosterImport.RosterFile> files = new ArrayList<>();
        for (String option : args.getOptionValues("import")) {
            for (String name : option.split(",")) {
                Path path = Path.of(name.trim());
                if (!Files.isReadable(path)) {
                    System.err.println("找不到文件：" + path.toAbsolutePath());
                    exit(2);
                    return;
                }
                files.add(new RosterImport.RosterFile(path.getFileName().toString(), Files.readAllBytes(path)));
            }
        }
        try {
            RosterImport.Result result = rosterImport.importRoster(files);
            System.out.printf("花名册导入成功：新增支部 %d 个，更新支部 %d 个，新增党员 %d 名，更新党员 %d 名，未变化 %d 条%n",
                    result.branchesAdded(), result.branchesChanged(), result.membersAdded(), result.membersChanged(),
                    result.unchanged());
            exit(0);
        } catch (RosterRejectedException e) {
            System.err.println(e.summary());
            e.details().forEach(d -> System.err.println("  " + d));
            exit(1);
        }
    }

    private void exit(int code) {
        ExitCodeGenerator generator = () -> code;
        System.exit(SpringApplication.exit(context, generator));
    }
}
