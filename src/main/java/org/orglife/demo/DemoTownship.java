package org.orglife.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.orglife.registry.CountyProperties;
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
 * The demo county 泽州县 (demo profile): on the first start, imports the example rosters shipped in
 * {@code examples/roster/}, through the same import the offices use: 大东沟镇's as its office would, the
 * two smaller townships' as the county would.
 */
@Component
@ConditionalOnProperty(name = "orglife.demo.enabled", havingValue = "true")
class DemoTownship {

    private static final Logger log = LoggerFactory.getLogger(DemoTownship.class);
    /** 大东沟镇's roster, as its office would import it (no township column: the office's own). */
    static final List<String> ROSTER = List.of("examples/roster/branches.csv", "examples/roster/members.csv");
    /** The county's other townships, as the county would import them (a township column). */
    static final List<String> COUNTY_ROSTER = List.of("examples/roster/county-branches.csv",
            "examples/roster/county-members.csv");
    static final List<String> COUNTY_TOWNSHIPS = List.of("NCZ", "CDX");

    private final RosterImport rosterImport;
    private final MemberRepository members;
    private final CountyProperties county;

    DemoTownship(RosterImport rosterImport, MemberRepository members, CountyProperties county) {
        this.rosterImport = rosterImport;
        this.members = members;
        this.county = county;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void load() throws IOException {
        if (members.count() > 0) {
            return;
        }
        RosterImport.Result township = rosterImport.importRoster(files(ROSTER),
                new RosterImport.Importer(List.of("DDG")));
        // the other townships' roster where the configuration has them (the demo profile's does)
        RosterImport.Result county = COUNTY_TOWNSHIPS.stream().allMatch(t -> this.county.township(t).isPresent())
                ? rosterImport.importRoster(files(COUNTY_ROSTER), RosterImport.Importer.COUNTY)
                : new RosterImport.Result(0, 0, 0, 0, 0, 0);
        log.info("demo county loaded: {} branches, {} members", township.branchesAdded() + county.branchesAdded(),
                township.membersAdded() + county.membersAdded());
    }

    private static List<RosterImport.RosterFile> files(List<String> paths) throws IOException {
        List<RosterImport.RosterFile> files = new java.util.ArrayList<>();
        for (String path : paths) {
            try (InputStream in = new ClassPathResource(path).getInputStream()) {
                files.add(new RosterImport.RosterFile(path.substring(path.lastIndexOf('/') + 1), in.readAllBytes()));
            }
        }
        return files;
    }
}
