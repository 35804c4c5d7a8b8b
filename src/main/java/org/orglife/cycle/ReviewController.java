package org.orglife.cycle;

import java.util.Map;

import org.orglife.registry.Branch;
import org.orglife.registry.BranchVisibility;
import org.orglife.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A branch's cycle of a year over {@code /api}: start it (township office), read its archive. */
@RestController
@RequestMapping("/api/branches/{code}/reviews/{year}")
class ReviewController {

    private final ReviewCycles reviewCycles;
    private final ReviewCycleRepository cycles;
    private final CycleArchive archive;
    private final BranchVisibility visibility;

    ReviewController(ReviewCycles reviewCycles, ReviewCycleRepository cycles, CycleArchive archive,
            BranchVisibility visibility) {
        this.reviewCycles = reviewCycles;
        this.cycles = cycles;
        this.archive = archive;
        this.visibility = visibility;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReviewCycle start(@PathVariable String code, @PathVariable int year) {
        return reviewCycles.start(code, year, Map.of());
    }

    @GetMapping
    Map<String, Object> archive(@PathVariable String code, @PathVariable int year, CurrentUser user) {
        Branch branch = visibility.require(code, user);
        ReviewCycle cycle = cycles.find(ReviewVariables.cycleId(year, branch.code()))
                .orElseThrow(() -> new UnknownCycleException(code, year));
        return archive.read(cycle);
    }
}
