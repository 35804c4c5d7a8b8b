package org.orglife.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.orglife.ballot.Ballots;
import org.orglife.cycle.BranchCycle;
import org.orglife.form.Choices.Attendance;
import org.orglife.rating.Grade;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.orglife.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * DDG-03, holding its members' meeting in the demo, has its online ballot open: every voter present,
 * a few votes cast, so that the secretary's first login shows "已投 n / m" and the ballot's token in
 * step 4. Opened and cast through the same service the secretary's page and the members' phones use.
 */
@Component
@ConditionalOnProperty(name = "orglife.demo.campaign", havingValue = "true")
class DemoBallot {

    private static final Logger log = LoggerFactory.getLogger(DemoBallot.class);

    static final String BRANCH = "DDG-03";
    static final int VOTES_CAST = 5;

    private final Ballots ballots;
    private final BranchRepository branches;

    DemoBallot(Ballots ballots, BranchRepository branches) {
        this.ballots = ballots;
        this.branches = branches;
    }

    void openWithSomeVotes(int year) {
        String cycleId = year + "-" + BRANCH;
        try {
            Branch branch = branches.findByCode(BRANCH).orElse(null);
            if (branch == null) {
                return;
            }
            CurrentUser secretary = new CurrentUser(branch.secretary().userId(), List.of(branch.groupId()),
                    List.of(branch.townshipCode()));
            BranchCycle cycle = ballots.cycle(cycleId, secretary);
            Map<String, String> attendance = new HashMap<>();
            ballots.voters(cycle).forEach(v -> attendance.put(v.memberId(), Attendance.PRESENT.name()));
            ballots.open(cycleId, attendance, Map.of(), secretary);
            List<String> codes = ballots.codesToPrint(cycle, secretary);
            for (int vote = 0; vote < Math.min(VOTES_CAST, codes.size() - 1); vote++) {
                Ballots.Voting voting = ballots.voting(codes.get(vote));
                Map<String, String> choices = new HashMap<>();
                for (int i = 0; i < voting.members().size(); i++) {
                    Grade grade = (i + vote) % 4 == 0 ? Grade.EXCELLENT : Grade.QUALIFIED;
                    choices.put(voting.members().get(i).memberId(), grade.name());
                }
                ballots.cast(codes.get(vote), choices);
            }
        } catch (RuntimeException e) {
            log.warn("demo could not open the ballot of {}: {}", cycleId, e.getMessage());
        }
    }
}
