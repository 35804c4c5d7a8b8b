package org.orglife.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.orglife.registry.MemberRepository;
import org.orglife.registry.RosterImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo township 大东沟镇 (demo profile): on the first start, imports the example roster shipped in
 * {@code examples/roster/}, through the same import a township office would use.
 */
@Component
@ConditionalOnProperty(name = "orglife.demo.enabled", havingValue = "true")
class DemoTownship {

    private static final Logger log = LoggerFactory.getLogger(DemoTownship.class);
    static final List<String> ROSTER = List.of("examples/roster/branches.csv", "examples/roster/members.csv");

    private final RosterImport rosterImport;
    private final MemberRepository members;

    DemoTownship(RosterImport rosterImport, MemberRepository members) {
        this.rosterImport = rosterImport;
        this.members = members;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void load() throws IOException {
        if (members.count() > 0) {
            return;
        }
        List<RosterImport.RosterFile> files = new java.util.ArrayList<>();
        for (String path : ROSTER) {
            try (InputStream in = new ClassPathResource(path).getInputStream()) {
                files.add(new RosterImport.RosterFile(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes()));
            }
        }
        RosterImport.Result result = rosterImport.importRoster(files);
        log.info("demo township loaded: {} branches, {} members", result.branchesAdded(), result.membersAdded());
    }
}
