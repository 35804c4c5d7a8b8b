package org.orglife.registry;

import java.util.List;

import org.orglife.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/** Registry reads and roster import over {@code /api}. */
@RestController
@RequestMapping("/api")
class RegistryController {

    private final BranchVisibility visibility;
    private final BranchRepository branches;
    private final MemberRepository members;
    private final RosterImport rosterImport;

    RegistryController(BranchVisibility visibility, BranchRepository branches, MemberRepository members,
            RosterImport rosterImport) {
        this.visibility = visibility;
        this.branches = branches;
        this.members = members;
        this.rosterImport = rosterImport;
    }

    /** The branches the person may see, by code, a page at a time ({@link BranchPage}). */
    @GetMapping("/branches")
    ResponseEntity<List<Branch>> branches(CurrentUser user, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + BranchPage.DEFAULT_SIZE) int size, UriComponentsBuilder self) {
        BranchPage asked = new BranchPage(page, size);
        BranchVisibility.Scope scope = visibility.scope(user);
        return asked.answer(branches.findIn(scope, asked), branches.countIn(scope),
                self.path("/api/branches"));
    }

    @GetMapping("/branches/{code}")
    Branch branch(@PathVariable String code, CurrentUser user) {
        return visibility.require(code, user);
    }

    @GetMapping("/branches/{code}/members")
    List<Member> members(@PathVariable String code, CurrentUser user) {
        return members.findByBranch(visibility.require(code, user).code());
    }

    /** Multipart upload, one or more files in the part {@code file}: CSV tables and/or XLSX workbooks. */
    @PostMapping("/roster")
    @ResponseStatus(HttpStatus.OK)
    RosterImport.Result importRoster(@RequestParam("file") List<MultipartFile> files, CurrentUser user)
            throws java.io.IOException {
        return rosterImport.importRoster(roster(files), importer(user));
    }

    /** The same upload, checked and compared with the registry, written nowhere: what the import would do. */
    @PostMapping("/roster/preview")
    RosterImport.Preview previewRoster(@RequestParam("file") List<MultipartFile> files, CurrentUser user)
            throws java.io.IOException {
        return rosterImport.preview(roster(files), importer(user));
    }

    /** The county's staff import for any township; a township office for its own. */
    private static RosterImport.Importer importer(CurrentUser user) {
        return BranchVisibility.overseesCounty(user.groupIds()) ? RosterImport.Importer.COUNTY
                : new RosterImport.Importer(user.tenantIds());
    }

    private static List<RosterImport.RosterFile> roster(List<MultipartFile> files) throws java.io.IOException {
        List<RosterImport.RosterFile> roster = new java.util.ArrayList<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null ? "花名册" : file.getOriginalFilename();
            roster.add(new RosterImport.RosterFile(name, file.getBytes()));
        }
        return roster;
    }
}
