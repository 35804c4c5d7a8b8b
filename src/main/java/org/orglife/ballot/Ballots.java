package org.orglife.ballot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.orglife.cycle.AuditTrail;
import org.orglife.cycle.BranchCycle;
import org.orglife.cycle.ReviewCycle;
import org.orglife.cycle.ReviewCycleRepository;
import org.orglife.cycle.ReviewCycles;
import org.orglife.engine.AsSystem;
import org.orglife.engine.EngineContext;
import org.orglife.form.Choices.Attendance;
import org.orglife.form.Choices.RemoteReason;
import org.orglife.rating.Grade;
import org.orglife.rating.RatingEligibility;
import org.orglife.registry.Branch;
import org.orglife.registry.BranchRepository;
import org.orglife.registry.BranchVisibility;
import org.orglife.registry.Member;
import org.orglife.registry.MemberRepository;
import org.orglife.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appraisal ballot of a branch's members' meeting (民主测评, notice 二.4). The branch's secretary
 * opens it while step 4 is open, recording who is present or remote with one of the notice's reasons:
 * one code is issued for each of them who votes. A vote adds its choices to one of the ballot's boxes
 * of counts and spends its code in one transaction, and nothing records which code chose what. The
 * secretary closes the ballot,
 * or it closes itself when every code is used and at its closing time (the step's due date, at least a
 * day after opening); its tallies then stand in the members' meeting's record. Voiding it, with a
 * reason, lets the secretary start again with new codes.
 */
@Service
public class Ballots {

    /** A ballot opened on or after its step's due date stays open this long. */
    static final Duration LEAST_OPEN = Duration.ofHours(24);
    static final int REASON_LENGTH = 300;
    static final String PROBATIONARY_NOTE = "预备党员（不评定等次）";
    /** The ballots whose pages are remembered: a township's meetings open at the same time, and more. */
    static final int PAGES_KEPT = 256;

    private final BallotRepository repository;
    private final ReviewCycles reviewCycles;
    private final ReviewCycleRepository cycles;
    private final BranchRepository branches;
    private final BranchVisibility visibility;
    private final MemberRepository members;
    private final RatingEligibility eligibility;
    private final AuditTrail audit;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identities;
    /**
     * What a ballot's page shows besides its state, by ballot id: the branch, the year and the members,
     * fixed when it opened. Every phone of a meeting asks for the same page; read once.
     */
    private final Map<String, Page> pages = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
            return size() > PAGES_KEPT;
        }
    });

    /** The fixed part of a ballot's page, its members' markup with nothing chosen among it. */
    private record Page(String branchName, int year, List<Appraised> members, Map<String, Integer> positions,
            String markup) {
    }

    Ballots(BallotRepository repository, ReviewCycles reviewCycles, ReviewCycleRepository cycles, BranchRepository branches,
            BranchVisibility visibility, MemberRepository members, RatingEligibility eligibility, AuditTrail audit,
            RuntimeService runtime, TaskService tasks, IdentityService identities) {
        this.repository = repository;
        this.reviewCycles = reviewCycles;
        this.cycles = cycles;
        this.branches = branches;
        this.visibility = visibility;
        this.members = members;
        this.eligibility = eligibility;
        this.audit = audit;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identities = identities;
    }

    /** A voter on the opening page: a member who votes, with a note (流动党员). */
    public record Voter(String memberId, String name, boolean floatingOut) {
    }

    /** A member on the ballot page: name and note, never a count. */
    public record Appraised(String memberId, String name, String note) {
    }

    /** What a code's page shows: the ballot, the branch, and the members to appraise. */
    public record Voting(String code, Ballot ballot, String branchName, int year, List<Appraised> members,
            String markup) {

        public String groupedCode() {
            return BallotCodes.grouped(code);
        }

        /** The members' markup with these choices (member id → grade name) checked. */
        public String markup(Map<String, String> chosen) {
            return chosen.isEmpty() ? markup : BallotMarkup.members(members, chosen);
        }
    }

    /** The cycle, if the person may see its branch; otherwise it does not exist for them. */
    public BranchCycle cycle(String cycleId, CurrentUser user) {
        return reviewCycles.visibleTo(cycleId, user);
    }

    /** The cycle's ballots, the latest first. */
    public List<Ballot> ballots(String cycleId) {
        return repository.ofCycle(cycleId);
    }

    /** The cycle's open or closed ballot; voided ones do not count. */
    public Optional<Ballot> current(String cycleId) {
        return repository.current(cycleId);
    }

    /** The tallies of a closed ballot; before the close nobody sees them. */
    public List<BallotTally> tallies(Ballot ballot) {
        if (ballot.status() != BallotStatus.CLOSED) {
            throw new BallotRefusedException(409, "测评结束前不显示任何票数");
        }
        return repository.tallies(ballot.id());
    }

    /** The attendance recorded when the ballot was opened. */
    public List<BallotAttendance> attendance(Ballot ballot) {
        return repository.attendance(ballot.id());
    }

    /** The ballots of a year's cycles that a person may see: status and counts only. */
    List<BallotRepository.BallotOfBranch> ofYear(int year, CurrentUser user) {
        return repository.ofYear(year, visibility.scope(user));
    }

    /** The members who vote, for the secretary to record as present, remote or absent. */
    public List<Voter> voters(BranchCycle cycle) {
        return table(cycle.cycle().year()).voters(ownMembers(cycle.branch())).stream()
                .map(m -> new Voter(m.id(), m.name(), m.floatingOut())).toList();
    }

    /** The codes of the open ballot, for its slips: its secretary's alone. */
    public List<String> codesToPrint(BranchCycle cycle, CurrentUser user) {
        if (!cycle.isSecretary(user)) {
            throw new BallotRefusedException(403, "只有本支部书记可以打印票码");
        }
        Ballot ballot = openBallot(cycle.cycle().id());
        return repository.codes(ballot.id());
    }

    /** Whether step 4 is open, so that a ballot may be opened, closed or voided now. */
    public boolean meetingOpen(BranchCycle cycle) {
        return meetingTask(cycle.cycle()) != null;
    }

    /**
     * Opens the cycle's ballot: one code per voter recorded present or remote (with one of the notice's
     * reasons). {@code attendance} and {@code remoteReasons} are by member id.
     */
    @Transactional
    public Ballot open(String cycleId, Map<String, String> attendance, Map<String, String> remoteReasons,
            CurrentUser user) {
        BranchCycle cycle = secretarysCycle(cycleId, user);
        repository.lockCycle(cycleId);
        repository.current(cycleId).ifPresent(b -> {
            throw new BallotRefusedException(409, "本支部本年度已有一次在线测评（" + b.status().label()
                    + "）。如需重新测评，请先作废它，并写明原因");
        });
        Task meeting = meetingTask(cycle.cycle());
        if (meeting == null) {
            throw new BallotRefusedException(409, "只有在「召开党员大会」步骤办理期间才能开启在线测评");
        }
        RatingEligibility.Table table = table(cycle.cycle().year());
        List<Member> own = ownMembers(cycle.branch());
        List<BallotAttendance> recorded = recordedAttendance(table.voters(own), attendance, remoteReasons);
        int codes = (int) recorded.stream().filter(BallotAttendance::getsCode).count();
        if (codes == 0) {
            throw new BallotRefusedException(400, "没有到会或远程参会的有表决权党员，不能生成票码");
        }
        List<Appraised> appraised = table.appraised(own).stream()
                .map(m -> new Appraised(m.id(), m.name(), table.of(m).graded() ? null : PROBATIONARY_NOTE))
                .toList();
        Instant now = EngineContext.now();
        Instant closesAt = closingTime(meeting.getDueDate(), now);
        Ballot ballot = new Ballot(UUID.randomUUID().toString(), cycleId, BallotStatus.OPEN, codes, 0, closesAt,
                user.id(), now, null, null, null);
        repository.insert(ballot, BallotCodes.issue(codes), appraised, recorded);
        try {
            AsSystem.call(identities, () -> runtime.createMessageCorrelation(BallotVariables.OPENED)
                    .processInstanceId(cycle.cycle().processInstanceId())
                    .setVariable(BallotVariables.BALLOT_ID, ballot.id())
                    .setVariable(BallotVariables.CLOSES_AT, Date.from(closesAt))
                    .correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            throw new BallotRefusedException(409, "本支部的年度流程是在线测评上线前启动的，不能开启在线测评；"
                    + "请使用纸质测评票，统计后在「召开党员大会」表单中填写票数");
        }
        audit.append(cycleId, BallotVariables.AUDIT_STEP, "开启测评", "在线民主测评：生成票码 " + codes + " 张", user.id(), now);
        return ballot;
    }

    /** The secretary closes the open ballot; its unused codes die and its tallies go to the meeting's record. */
    @Transactional
    public Ballot close(String cycleId, CurrentUser user) {
        BranchCycle cycle = secretarysCycle(cycleId, user);
        Ballot ballot = openBallot(cycleId);
        if (!repository.end(ballot.id(), BallotStatus.CLOSED, user.id(), EngineContext.now(), null)) {
            throw notOpen(repository.find(ballot.id()).orElseThrow());
        }
        ended(cycle.cycle(), ballot.id(), BallotVariables.CLOSED, "结束测评", user.id());
        return repository.find(ballot.id()).orElseThrow();
    }

    /**
     * Voids the open or closed ballot, with a reason, which the audit trail keeps; the secretary may then
     * open a new one with new codes. A closed ballot's tallies are void only while step 4 is still open.
     */
    @Transactional
    public Ballot voidBallot(String cycleId, String reason, CurrentUser user) {
        BranchCycle cycle = secretarysCycle(cycleId, user);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_LENGTH) {
            throw new BallotRefusedException(400, "请填写作废原因（" + REASON_LENGTH + " 字以内）");
        }
        Ballot ballot = repository.current(cycleId)
                .orElseThrow(() -> new BallotRefusedException(409, "本支部本年度没有可作废的在线测评"));
        Instant now = EngineContext.now();
        if (ballot.isOpen()) {
            if (!repository.end(ballot.id(), BallotStatus.VOIDED, user.id(), now, why)) {
                throw notOpen(repository.find(ballot.id()).orElseThrow());
            }
            correlate(cycle.cycle(), BallotVariables.VOIDED);
        } else {
            if (meetingTask(cycle.cycle()) == null) {
                throw new BallotRefusedException(409, "「召开党员大会」已提交，测评结果已采用，不能再作废");
            }
            repository.voidClosed(ballot.id(), user.id(), now, why);
        }
        audit.append(cycleId, BallotVariables.AUDIT_STEP, "作废测评", "作废原因：" + why + "（" + ballot.count() + "）",
                user.id(), now);
        return repository.find(ballot.id()).orElseThrow();
    }

    /** The ballot's closing time is up (its timer): ends it unless it has ended already. */
    void endOnTime(String ballotId) {
        repository.find(ballotId).filter(Ballot::isOpen).ifPresent(ballot -> {
            if (repository.end(ballotId, BallotStatus.CLOSED, EngineContext.SYSTEM, EngineContext.now(), null)) {
                audit.append(ballot.cycleId(), BallotVariables.AUDIT_STEP, "结束测评",
                        "测评截止时间已到，自动结束（" + repository.find(ballotId).orElseThrow().count() + "）",
                        EngineContext.SYSTEM, EngineContext.now());
            }
        });
    }

    /** After a vote: once no code is left unused, as committed, the ballot ends by itself. */
    @Transactional
    public void closeWhenAllCast(String ballotId) {
        if (repository.unused(ballotId) > 0) {
            return;
        }
        Ballot ballot = repository.find(ballotId).orElseThrow();
        if (ballot.isOpen()
                && repository.end(ballotId, BallotStatus.CLOSED, EngineContext.SYSTEM, EngineContext.now(), null)) {
            ReviewCycle cycle = cycles.find(ballot.cycleId()).orElseThrow();
            ended(cycle, ballotId, BallotVariables.CLOSED, "结束测评", EngineContext.SYSTEM);
        }
    }

    /** What the page of a code shows; refused if the code is not one, or its ballot is not open. */
    @Transactional(readOnly = true)
    public Voting voting(String typedCode) {
        BallotRepository.CodeOfBallot code = usableCode(typedCode);
        Page page = page(code.ballot());
        return new Voting(code.code(), code.ballot(), page.branchName(), page.year(), page.members(), page.markup());
    }

    private Page page(Ballot ballot) {
        Page page = pages.get(ballot.id());
        if (page == null) {
            ReviewCycle cycle = cycles.find(ballot.cycleId()).orElseThrow();
            String branchName = branches.findByCode(cycle.branchCode()).map(Branch::name).orElse(cycle.branchCode());
            List<Appraised> members = repository.members(ballot.id());
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < members.size(); i++) {
                positions.put(members.get(i).memberId(), i);
            }
            page = new Page(branchName, cycle.year(), members, Map.copyOf(positions),
                    BallotMarkup.members(members, Map.of()));
            pages.put(ballot.id(), page);
        }
        return page;
    }

    /**
     * Checks a voter's choices, one grade per member on the ballot, by member id; refused with the
     * problems named if any is missing or unknown. Nothing is written.
     */
    public Map<String, Grade> checkChoices(Voting voting, Map<String, String> choices) {
        Map<String, Grade> chosen = new HashMap<>();
        List<String> missing = new ArrayList<>();
        Set<String> onBallot = new LinkedHashSet<>();
        for (Appraised member : voting.members()) {
            onBallot.add(member.memberId());
            String value = choices.get(member.memberId());
            Grade grade = null;
            if (value != null) {
                try {
                    grade = Grade.valueOf(value);
                } catch (IllegalArgumentException e) {
                    throw new BallotRefusedException(400, "对" + member.name() + "的选择无效，请重新选择");
                }
            }
            if (grade == null) {
                missing.add(member.name());
            } else {
                chosen.put(member.memberId(), grade);
            }
        }
        for (String memberId : choices.keySet()) {
            if (!onBallot.contains(memberId)) {
                throw new BallotRefusedException(400, "测评票上没有编号为 " + shorten(memberId) + " 的党员，请刷新页面后重新选择");
            }
        }
        if (!missing.isEmpty()) {
            throw new BallotRefusedException(400, "请为每位党员选择一项，尚未选择：" + String.join("、", missing), missing);
        }
        return chosen;
    }

    /**
     * Casts a vote: adds one to each chosen count and spends the code, in one transaction, or refuses
     * and writes nothing. Nothing records which code chose what, or when: the box is drawn at random.
     * Returns the ballot the vote was counted in.
     */
    @Transactional
    public String cast(String typedCode, Map<String, String> choices) {
        Voting voting = voting(typedCode);
        Map<String, Grade> chosen = checkChoices(voting, choices);
        Map<String, Integer> positions = page(voting.ballot()).positions();
        Map<Integer, Grade> byPosition = new HashMap<>();
        chosen.forEach((member, grade) -> byPosition.put(positions.get(member), grade));
        String ballotId = voting.ballot().id();
        if (!repository.openForVote(ballotId)) {
            throw notOpen(repository.find(ballotId).orElseThrow());
        }
        if (!repository.spend(voting.code())) {
            throw spent();
        }
        repository.addToBox(ballotId, java.util.concurrent.ThreadLocalRandom.current().nextInt(BallotRepository.BOXES), byPosition);
        return ballotId;
    }

    private BallotRepository.CodeOfBallot usableCode(String typedCode) {
        String normalized = BallotCodes.normalize(typedCode);
        if (normalized == null) {
            throw new BallotRefusedException(400, BallotCodes.FORMAT_HINT);
        }
        BallotRepository.CodeOfBallot code = repository.findCode(normalized).orElseThrow(
                () -> new BallotRefusedException(404, "票码不存在，请对照票码条核对后重新输入"));
        if (!code.ballot().isOpen()) {
            throw notOpen(code.ballot());
        }
        if (BallotRepository.SPENT.equals(code.state())) {
            throw spent();
        }
        return code;
    }

    private static BallotRefusedException spent() {
        return new BallotRefusedException(409, "此票码已经投过票。每张票码只能使用一次");
    }

    private static BallotRefusedException notOpen(Ballot ballot) {
        return switch (ballot.status()) {
            case CLOSED -> new BallotRefusedException(409, "本次民主测评已结束，票码已失效，本票未计入");
            case VOIDED -> new BallotRefusedException(409, "本次民主测评已作废，票码已失效，请向党支部书记了解新的测评安排");
            case OPEN -> new BallotRefusedException(409, "本次民主测评仍在进行中");
        };
    }

    private Ballot openBallot(String cycleId) {
        Ballot ballot = repository.current(cycleId)
                .orElseThrow(() -> new BallotRefusedException(409, "本支部本年度没有进行中的在线测评"));
        if (!ballot.isOpen()) {
            throw notOpen(ballot);
        }
        return ballot;
    }

    private void ended(ReviewCycle cycle, String ballotId, String message, String action, String actor) {
        correlate(cycle, message);
        audit.append(cycle.id(), BallotVariables.AUDIT_STEP, action,
                "在线民主测评" + repository.find(ballotId).orElseThrow().count(), actor, EngineContext.now());
    }

    /** Moves the ballot's token in step 4: closed (to 结束测评) or voided. */
    private void correlate(ReviewCycle cycle, String message) {
        AsSystem.call(identities, () -> runtime.createMessageCorrelation(message)
                .processInstanceId(cycle.processInstanceId()).correlateWithResult());
    }

    private BranchCycle secretarysCycle(String cycleId, CurrentUser user) {
        BranchCycle cycle = cycle(cycleId, user);
        if (!cycle.isSecretary(user)) {
            throw new BallotRefusedException(403, "只有本支部书记可以开启、结束或作废在线测评");
        }
        return cycle;
    }

    private Task meetingTask(ReviewCycle cycle) {
        if (cycle.processInstanceId() == null) {
            return null;
        }
        return AsSystem.call(identities, () -> tasks.createTaskQuery().processInstanceId(cycle.processInstanceId())
                .taskDefinitionKey(BallotVariables.MEETING_TASK).singleResult());
    }

    /** The step's due date; a ballot opened less than a day before it, or after, stays open a day. */
    static Instant closingTime(Date due, Instant now) {
        Instant least = now.plus(LEAST_OPEN);
        return due == null || due.toInstant().isBefore(least) ? least : due.toInstant();
    }

    /** The eligibility table, read as the system: a secretary may not read decision definitions. */
    private RatingEligibility.Table table(int year) {
        return AsSystem.call(identities, () -> eligibility.table(year));
    }

    private List<Member> ownMembers(Branch branch) {
        return members.findByBranch(branch.code()).stream().filter(m -> !m.floatingIn()).toList();
    }

    private static List<BallotAttendance> recordedAttendance(List<Member> voters, Map<String, String> attendance,
            Map<String, String> remoteReasons) {
        List<String> problems = new ArrayList<>();
        List<BallotAttendance> recorded = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Member voter : voters) {
            ids.add(voter.id());
            String label = voter.name() + "（" + voter.id() + "）";
            Attendance status = parse(Attendance.class, attendance.get(voter.id()));
            if (status == null) {
                problems.add(label + "：请选择到会、远程参会或缺席");
                continue;
            }
            RemoteReason reason = null;
            if (status == Attendance.REMOTE) {
                reason = parse(RemoteReason.class, remoteReasons.get(voter.id()));
                if (reason == null) {
                    problems.add(label + "：远程参会只限落实疫情防控要求、流动外出或身体原因，请选择原因");
                    continue;
                }
            }
            recorded.add(new BallotAttendance(voter.id(), status, reason));
        }
        attendance.keySet().stream().filter(id -> !ids.contains(id))
                .forEach(id -> problems.add("编号 " + shorten(id) + " 不是本支部有表决权的党员"));
        if (!problems.isEmpty()) {
            throw new BallotRefusedException(400, "未能开启测评，请核对到会情况", problems);
        }
        return recorded;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
