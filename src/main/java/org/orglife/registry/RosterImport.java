package org.orglife.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a roster (花名册): branch tables and member tables from CSV and XLSX files, all rows or
 * none. Every bad row is reported by file, line and column in Chinese. Importing the same roster
 * again changes nothing: rows are matched by branch code and member id and only real changes are
 * written. After a successful import a {@link RosterImported} event lets the identities follow.
 * The county imports branches of any township (the branch table's 乡镇编号 says which); a township
 * office only its own township's branches and their members.
 */
@Service
public class RosterImport {

    static final String TOWNSHIP = "乡镇编号";
    static final String BRANCH_CODE = "支部编号";
    static final String BRANCH_NAME = "支部名称";
    static final String BRANCH_KIND = "组织类型";
    static final String PARENT = "上级组织编号";
    static final String SECRETARY_USER = "书记账号";
    static final String SECRETARY_NAME = "书记姓名";
    static final String SECRETARY_EMAIL = "书记邮箱";
    static final String LIAISON_USER = "联系干部账号";
    static final String LIAISON_NAME = "联系干部姓名";
    static final String LIAISON_EMAIL = "联系干部邮箱";
    static final String CHIEF_USER = "片长账号";
    static final String CHIEF_NAME = "片长姓名";
    static final String CHIEF_EMAIL = "片长邮箱";
    static final String ACTIVE = "是否有效";

    static final String MEMBER_ID = "党员编号";
    static final String MEMBER_BRANCH = "所在支部编号";
    static final String PARTY_GROUP = "党小组";
    static final String NAME = "姓名";
    static final String GENDER = "性别";
    static final String BIRTH_YEAR = "出生年份";
    static final String JOINED_ON = "入党日期";
    static final String STATUS = "党员类别";
    static final String LEADING_CADRE = "党员领导干部";
    static final String FLOATING_OUT = "流出";
    static final String INFLOW_ORG = "流入地组织";
    static final String FLOATING_IN = "流入";
    static final String HOME_ORG = "组织关系所在";
    static final String NEWLY_ADMITTED = "新发展党员";
    static final String TRANSFERRED_IN = "新转入党员";
    static final String HARDSHIP = "生活困难";
    static final String ELDERLY = "年老体弱";
    static final String SANCTION = "处分";
    static final String SANCTION_ON = "处分日期";
    static final String PROBATION_ENDS_ON = "留党察看期满日期";

    static final String DEPARTURE_KIND = "减少方式";
    static final String DEPARTURE_ON = "减少日期";

    private static final List<String> BRANCH_COLUMNS = List.of(BRANCH_CODE, BRANCH_NAME, BRANCH_KIND,
            SECRETARY_USER, SECRETARY_NAME, LIAISON_USER, LIAISON_NAME);
    private static final List<String> MEMBER_COLUMNS = List.of(MEMBER_ID, MEMBER_BRANCH, NAME, GENDER, BIRTH_YEAR,
            JOINED_ON, STATUS);
    private static final List<String> DEPARTURE_COLUMNS = List.of(MEMBER_ID, DEPARTURE_KIND, DEPARTURE_ON);

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,19}");
    private static final Pattern MEMBER_ID_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,31}");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern GENDERS = Pattern.compile("[男女]");

    /**
     * Whose import it is: the townships whose branches and members it may write, or null for the
     * whole county (the county's staff, an administrator, the demo).
     */
    public record Importer(List<String> townships) {

        public static final Importer COUNTY = new Importer(null);

        public Importer {
            townships = townships == null ? null : List.copyOf(townships);
        }

        boolean mayWrite(String townshipCode) {
            return townships == null || townships.contains(townshipCode);
        }
    }

    /** A file as uploaded: its name decides how it is read. */
    public record RosterFile(String name, byte[] content) {
    }

    /** What an import changed; a repeated import reports only unchanged rows. */
    /** A member who left, as the 党员减少表 records it. */
    public record Leaving(String memberId, String name, String branchCode, Departure how, LocalDate on) {
    }

    /** A member of a branch the roster lists in full, whom it no longer lists: 转出 or 停止党籍, to confirm. */
    public record Unconfirmed(String memberId, String name, String branchCode) {
    }

    /** What an import would do, written nowhere: its changes, the departures it records, the ones to confirm. */
    public record Preview(Result changes, List<Leaving> departures, List<Unconfirmed> toConfirm) {
    }

    public record Result(int branchesAdded, int branchesChanged, int membersAdded, int membersChanged, int unchanged,
            int membersLeft) {
    }

    private final BranchRepository branches;
    private final MemberRepository members;
    private final ApplicationEventPublisher events;
    private final CountyProperties county;
    private final RosterReader reader = new RosterReader();

    RosterImport(BranchRepository branches, MemberRepository members, ApplicationEventPublisher events,
            CountyProperties county) {
        this.branches = branches;
        this.members = members;
        this.events = events;
        this.county = county;
    }

    /**
     * Reads, checks and writes the roster; throws {@link RosterRejectedException} and writes nothing if any
     * row is bad, or if a roster that lists branches in full (the branch table and a member table) no
     * longer lists a member the branch has without a row for them in the 党员减少表 (转出 or 停止党籍, and
     * the day): nobody leaves the registry silently.
     */
    /** The import as the county's: the command line, an administrator, the demo. */
    @Transactional
    public Result importRoster(List<RosterFile> files) {
        return importRoster(files, Importer.COUNTY);
    }

    @Transactional
    public Result importRoster(List<RosterFile> files, Importer importer) {
        Analysis roster = analyse(files, importer);
        if (!roster.toConfirm().isEmpty()) {
            throw new RosterRejectedException(roster.toConfirm().stream().map(m -> new RosterProblem("党员表", 0, null,
                    "本次名册列出了支部 " + m.branchCode() + " 的全部党员，但没有 " + m.name() + "（" + m.memberId()
                            + "）：如已转出或停止党籍，请在党员减少表中写明减少方式和减少日期后重新导入；如是漏填，请补全党员表"))
                    .toList());
        }
        Result result = write(roster);
        events.publishEvent(new RosterImported(result));
        return result;
    }

    /**
     * What the roster would change, writing nothing: the rows it adds and changes, the departures it
     * records, and the members a roster listing their branch in full no longer lists (to confirm in the
     * 党员减少表). Bad rows are refused as by the import.
     */
    @Transactional(readOnly = true)
    public Preview preview(List<RosterFile> files, Importer importer) {
        Analysis roster = analyse(files, importer);
        int[] counts = new int[5];
        count(roster, counts);
        return new Preview(new Result(counts[0], counts[1], counts[2], counts[3], counts[4], roster.departures().size()),
                List.copyOf(roster.departures().values()), roster.toConfirm());
    }

    private record Analysis(Map<String, Branch> branches, Map<String, Member> members, Map<String, Leaving> departures,
            List<Unconfirmed> toConfirm) {
    }

    private Analysis analyse(List<RosterFile> files, Importer importer) {
        List<RosterProblem> problems = new ArrayList<>();
        List<RosterTable> branchTables = new ArrayList<>();
        List<RosterTable> memberTables = new ArrayList<>();
        List<RosterTable> departureTables = new ArrayList<>();
        if (files.isEmpty()) {
            throw new RosterRejectedException(List.of(new RosterProblem("花名册", 0, null, "没有收到文件")));
        }
        for (RosterFile file : files) {
            for (RosterTable table : reader.read(file.name(), file.content(), problems)) {
                if (table.hasColumn(DEPARTURE_KIND)) {
                    departureTables.add(table);
                } else if (table.hasColumn(MEMBER_ID)) {
                    memberTables.add(table);
                } else if (table.hasColumn(BRANCH_CODE) && table.hasColumn(BRANCH_NAME)) {
                    branchTables.add(table);
                } else {
                    problems.add(new RosterProblem(table.source(), 1, null,
                            "无法识别的表格：党员表的表头须有「党员编号」，支部表的表头须有「支部编号」和「支部名称」，"
                                    + "党员减少表的表头须有「党员编号」「减少方式」和「减少日期」"));
                }
            }
        }
        Map<String, Branch> knownBranches = new HashMap<>();
        branches.findAll().forEach(b -> knownBranches.put(b.code(), b));
        Set<String> refusedBranches = new HashSet<>();
        Map<String, Branch> newBranches = parseBranches(branchTables, knownBranches, problems, importer,
                refusedBranches);
        knownBranches.putAll(newBranches);
        Map<String, Member> newMembers = parseMembers(memberTables, knownBranches, refusedBranches, problems, importer);
        Map<String, Leaving> departures = parseDepartures(departureTables, newMembers, knownBranches, problems,
                importer);
        if (!problems.isEmpty()) {
            throw new RosterRejectedException(problems);
        }
        List<Unconfirmed> toConfirm = new ArrayList<>();
        if (!memberTables.isEmpty()) {
            // the branch table and a member table: the roster lists each of those branches' members in full
            for (String code : newBranches.keySet()) {
                members.findByBranch(code).stream()
                        .filter(m -> !newMembers.containsKey(m.id()) && !departures.containsKey(m.id()))
                        .forEach(m -> toConfirm.add(new Unconfirmed(m.id(), m.name(), code)));
            }
        }
        return new Analysis(newBranches, newMembers, departures, toConfirm);
    }

    /** The 党员减少表: who left, how (转出, 停止党籍) and when; each a member the registry has now. */
    private Map<String, Leaving> parseDepartures(List<RosterTable> tables, Map<String, Member> listed,
            Map<String, Branch> knownBranches, List<RosterProblem> problems, Importer importer) {
        Map<String, Leaving> parsed = new LinkedHashMap<>();
        for (RosterTable table : tables) {
            requireColumns(table, DEPARTURE_COLUMNS, problems);
            for (RosterTable.Row row : table.rows()) {
                RosterCells cells = new RosterCells(table, row, problems);
                int before = problems.size();
                String id = cells.matching(MEMBER_ID, MEMBER_ID_PATTERN, "字母、数字和连字符", true);
                Departure how = cells.choice(DEPARTURE_KIND, Departure::fromLabel, "转出、停止党籍", null);
                LocalDate on = cells.date(DEPARTURE_ON, true);
                Member member = id == null ? null : members.findById(id).orElse(null);
                if (id != null && member == null) {
                    cells.problem(MEMBER_ID, "没有编号为 " + id + " 的党员");
                } else if (member != null && members.leftOn(id).isPresent()) {
                    cells.problem(MEMBER_ID, member.name() + "（" + id + "）已于 " + members.leftOn(id).get() + " 减少");
                } else if (id != null && parsed.containsKey(id)) {
                    cells.problem(MEMBER_ID, "党员编号 " + id + " 在党员减少表中重复");
                } else if (id != null && listed.containsKey(id)) {
                    cells.problem(MEMBER_ID, member.name() + "（" + id + "）在党员表中仍然列出，不能同时减少");
                } else if (member != null && !importer.mayWrite(knownBranches.get(member.branchCode()).townshipCode())) {
                    cells.problem(MEMBER_ID, "没有编号为 " + id + " 的本镇党员");
                }
                if (on != null && on.isAfter(LocalDate.now())) {
                    cells.problem(DEPARTURE_ON, "减少日期不能晚于今天");
                } else if (on != null && member != null && on.isBefore(member.joinedOn())) {
                    cells.problem(DEPARTURE_ON, "减少日期不能早于入党日期 " + member.joinedOn());
                }
                if (problems.size() == before) {
                    parsed.put(id, new Leaving(id, member.name(), member.branchCode(), how, on));
                }
            }
        }
        return parsed;
    }

    /** The branch table's rows, each checked; the codes of rows refused go to {@code refused}. */
    private Map<String, Branch> parseBranches(List<RosterTable> tables, Map<String, Branch> existing,
            List<RosterProblem> problems, Importer importer, Set<String> refused) {
        Map<String, Branch> parsed = new LinkedHashMap<>();
        Map<String, Integer> lineOfCode = new HashMap<>();
        Map<String, String> parentOf = new HashMap<>();
        Map<String, String> accountNames = new HashMap<>();
        for (RosterTable table : tables) {
            requireColumns(table, BRANCH_COLUMNS, problems);
            for (RosterTable.Row row : table.rows()) {
                RosterCells cells = new RosterCells(table, row, problems);
                int before = problems.size();
                String code = cells.matching(BRANCH_CODE, CODE, "字母、数字和连字符（如 DDG-01）", true);
                String name = cells.limited(BRANCH_NAME, 100, true);
                BranchKind kind = cells.choice(BRANCH_KIND, BranchKind::fromLabel, kindLabels(), null);
                String parent = cells.optional(PARENT);
                Account secretary = account(cells, SECRETARY_USER, SECRETARY_NAME, SECRETARY_EMAIL, true, accountNames);
                Account liaison = account(cells, LIAISON_USER, LIAISON_NAME, LIAISON_EMAIL, true, accountNames);
                Account chief = account(cells, CHIEF_USER, CHIEF_NAME, CHIEF_EMAIL, false, accountNames);
                String activeText = cells.optional(ACTIVE);
                boolean active = activeText == null || cells.flag(ACTIVE);
                String township = township(cells, code == null ? null : existing.get(code), importer);
                if (code != null && lineOfCode.containsKey(code)) {
                    cells.problem(BRANCH_CODE, "支部编号 " + code + " 与第 " + lineOfCode.get(code) + " 行重复");
                }
                if (code != null) {
                    lineOfCode.putIfAbsent(code, row.line());
                }
                if (problems.size() == before) {
                    parsed.put(code, new Branch(code, township, name, kind, parent, secretary, liaison, chief, active));
                    if (parent != null) {
                        parentOf.put(code, parent);
                    }
                } else if (code != null) {
                    refused.add(code);
                }
            }
        }
        for (RosterTable table : tables) {
            for (RosterTable.Row row : table.rows()) {
                String code = row.cells().get(BRANCH_CODE);
                String parent = parentOf.get(code);
                if (parent != null && !parsed.containsKey(parent) && !existing.containsKey(parent)) {
                    problems.add(new RosterProblem(table.source(), row.line(), PARENT, "上级组织 " + parent + " 不存在"));
                } else if (parent != null && parent.equals(code)) {
                    problems.add(new RosterProblem(table.source(), row.line(), PARENT, "上级组织不能是本支部"));
                } else if (parent != null && parsed.containsKey(code)) {
                    Branch parentBranch = parsed.containsKey(parent) ? parsed.get(parent) : existing.get(parent);
                    if (!parentBranch.townshipCode().equals(parsed.get(code).townshipCode())) {
                        problems.add(new RosterProblem(table.source(), row.line(), PARENT, "上级组织 " + parent
                                + " 属于" + county.townshipName(parentBranch.townshipCode()) + "，不是本支部所在的乡镇"));
                    }
                }
            }
        }
        return parsed;
    }

    /**
     * The branch's township: as the 乡镇编号 column says, else the branch's own, else the importer's one
     * township, else the county's only one. A township office writes its own township's branches only, and
     * moves none.
     */
    private String township(RosterCells cells, Branch existing, Importer importer) {
        String named = cells.optional(TOWNSHIP);
        String township;
        if (named != null) {
            township = named;
            if (county.township(named).isEmpty()) {
                cells.problem(TOWNSHIP, "没有编号为 " + named + " 的乡镇（本县的乡镇：" + townshipLabels() + "）");
                return null;
            }
        } else if (existing != null) {
            township = existing.townshipCode();
        } else if (importer.townships() != null && importer.townships().size() == 1) {
            township = importer.townships().get(0);
        } else if (county.onlyTownship().isPresent()) {
            township = county.onlyTownship().get().code();
        } else {
            cells.problem(TOWNSHIP, "请填写支部所属的乡镇编号（本县的乡镇：" + townshipLabels() + "）");
            return null;
        }
        if (existing != null && !importer.mayWrite(existing.townshipCode())) {
            cells.problem(BRANCH_CODE, "支部编号 " + existing.code() + " 已是" + county.townshipName(existing.townshipCode())
                    + "的支部，只能导入本镇的支部");
        } else if (!importer.mayWrite(township)) {
            cells.problem(TOWNSHIP, "只能导入本镇的支部，不能导入" + county.townshipName(township) + "的支部");
        } else if (existing != null && !existing.townshipCode().equals(township)) {
            cells.problem(TOWNSHIP, "支部 " + existing.code() + " 属于" + county.townshipName(existing.townshipCode())
                    + "，不能改到" + county.townshipName(township) + "：支部转到别的乡镇请联系县委组织部");
        }
        return township;
    }

    private String townshipLabels() {
        return String.join("、", county.townships().stream().map(t -> t.code() + " " + t.name()).toList());
    }

    private static Account account(RosterCells cells, String userColumn, String nameColumn, String emailColumn,
            boolean required, Map<String, String> accountNames) {
        String userId = cells.matching(userColumn, USER_ID, "字母、数字、点、下划线或连字符", required);
        String name = userId == null ? cells.optional(nameColumn) : cells.limited(nameColumn, 50, true);
        String email = cells.matching(emailColumn, EMAIL, "电子邮箱地址", false);
        if (userId == null) {
            return null;
        }
        String earlier = accountNames.putIfAbsent(userId, name);
        if (earlier != null && name != null && !earlier.equals(name)) {
            cells.problem(nameColumn, "账号 " + userId + " 在别处登记的姓名是“" + earlier + "”，同一账号只能对应一人");
        }
        return new Account(userId, name, email);
    }

    /**
     * The member tables' rows, each checked. The members of a new branch whose own row was refused are
     * named once, at the first of them: the branch's problem is in the branch table.
     */
    private Map<String, Member> parseMembers(List<RosterTable> tables, Map<String, Branch> knownBranches,
            Set<String> refusedBranches, List<RosterProblem> problems, Importer importer) {
        Map<String, Member> parsed = new LinkedHashMap<>();
        Set<String> refusalsNamed = new HashSet<>();
        Map<String, String> whereSeen = new HashMap<>();
        int thisYear = java.time.LocalDate.now().getYear();
        for (RosterTable table : tables) {
            requireColumns(table, MEMBER_COLUMNS, problems);
            for (RosterTable.Row row : table.rows()) {
                RosterCells cells = new RosterCells(table, row, problems);
                int before = problems.size();
                String id = cells.matching(MEMBER_ID, MEMBER_ID_PATTERN, "字母、数字和连字符", true);
                String branchCode = cells.required(MEMBER_BRANCH);
                boolean ofRefusedBranch = branchCode != null && !knownBranches.containsKey(branchCode)
                        && refusedBranches.contains(branchCode);
                if (ofRefusedBranch) {
                    if (refusalsNamed.add(branchCode)) {
                        cells.problem(MEMBER_BRANCH, "支部 " + branchCode + " 在支部表中未通过校验（见支部表的问题），"
                                + "其党员未导入；本支部其余党员的行不再逐行列出");
                    }
                } else if (branchCode != null && !knownBranches.containsKey(branchCode)) {
                    cells.problem(MEMBER_BRANCH, "支部 " + branchCode + " 不存在，请先导入支部表");
                } else if (branchCode != null && !importer.mayWrite(knownBranches.get(branchCode).townshipCode())) {
                    cells.problem(MEMBER_BRANCH, "支部 " + branchCode + " 是"
                            + county.townshipName(knownBranches.get(branchCode).townshipCode()) + "的支部，只能导入本镇支部的党员");
                }
                String partyGroup = cells.limited(PARTY_GROUP, 50, false);
                String name = cells.limited(NAME, 50, true);
                String gender = cells.matching(GENDER, GENDERS, "“男”或“女”", true);
                Integer birthYear = cells.integer(BIRTH_YEAR, 1900, thisYear - 18);
                var joinedOn = cells.date(JOINED_ON, true);
                MemberStatus status = cells.choice(STATUS, MemberStatus::fromLabel, "正式、预备", null);
                boolean leadingCadre = cells.flag(LEADING_CADRE);
                boolean floatingOut = cells.flag(FLOATING_OUT);
                String inflowOrg = cells.limited(INFLOW_ORG, 120, false);
                boolean floatingIn = cells.flag(FLOATING_IN);
                String homeOrg = cells.limited(HOME_ORG, 120, false);
                boolean newlyAdmitted = cells.flag(NEWLY_ADMITTED);
                boolean transferredIn = cells.flag(TRANSFERRED_IN);
                boolean hardship = cells.flag(HARDSHIP);
                boolean elderly = cells.flag(ELDERLY);
                Sanction sanction = cells.choice(SANCTION, Sanction::fromLabel, sanctionLabels(), Sanction.NONE);
                var sanctionOn = cells.date(SANCTION_ON, false);
                var probationEndsOn = cells.date(PROBATION_ENDS_ON, false);

                if (id != null && whereSeen.containsKey(id)) {
                    cells.problem(MEMBER_ID, "党员编号 " + id + " 重复（" + whereSeen.get(id) + " 已有）");
                } else if (id != null) {
                    whereSeen.put(id, table.source() + " 第 " + row.line() + " 行");
                }
                if (joinedOn != null && joinedOn.isAfter(java.time.LocalDate.now())) {
                    cells.problem(JOINED_ON, "入党日期不能晚于今天");
                } else if (joinedOn != null && birthYear != null && joinedOn.getYear() - birthYear < 18) {
                    cells.problem(JOINED_ON, "入党时未满 18 周岁，请核对出生年份和入党日期");
                }
                if (floatingOut && inflowOrg == null) {
                    cells.problem(INFLOW_ORG, "流出党员须填写流入地组织（本镇支部编号或外单位党组织名称）");
                }
                if (!floatingOut && inflowOrg != null) {
                    cells.problem(INFLOW_ORG, "只有流出党员才填写流入地组织");
                }
                if (floatingOut && inflowOrg != null && inflowOrg.equals(branchCode)) {
                    cells.problem(INFLOW_ORG, "流入地组织不能是本支部");
                }
                if (floatingIn && homeOrg == null) {
                    cells.problem(HOME_ORG, "流入党员须填写组织关系所在的党组织");
                }
                if (floatingIn && floatingOut) {
                    cells.problem(FLOATING_IN, "同一名党员不能既是流出党员又是流入党员");
                }
                if (sanction != null && sanction != Sanction.NONE && sanctionOn == null) {
                    cells.problem(SANCTION_ON, "受" + sanction.label() + "处分的党员须填写处分日期");
                }
                if (sanction == Sanction.NONE && sanctionOn != null) {
                    cells.problem(SANCTION_ON, "没有处分时不填处分日期");
                }
                if (sanctionOn != null && sanctionOn.isAfter(java.time.LocalDate.now())) {
                    cells.problem(SANCTION_ON, "处分日期不能晚于今天");
                }
                if (sanction == Sanction.PROBATION && probationEndsOn == null) {
                    cells.problem(PROBATION_ENDS_ON, "留党察看须填写期满日期");
                } else if (sanction == Sanction.PROBATION && sanctionOn != null && !probationEndsOn.isAfter(sanctionOn)) {
                    cells.problem(PROBATION_ENDS_ON, "期满日期须晚于处分日期");
                }
                if (sanction != Sanction.PROBATION && probationEndsOn != null) {
                    cells.problem(PROBATION_ENDS_ON, "只有留党察看才填写期满日期");
                }
                if (problems.size() == before && !ofRefusedBranch) {
                    parsed.put(id, new Member(id, branchCode, partyGroup, name, gender, birthYear, joinedOn, status,
                            leadingCadre, floatingOut, inflowOrg, floatingIn, homeOrg, newlyAdmitted, transferredIn,
                            hardship, elderly, sanction, sanctionOn, probationEndsOn));
                }
            }
        }
        return parsed;
    }

    private static void requireColumns(RosterTable table, List<String> columns, List<RosterProblem> problems) {
        columns.stream().filter(c -> !table.hasColumn(c))
                .forEach(c -> problems.add(new RosterProblem(table.source(), 1, c, "表头缺少这一列")));
    }

    private Result write(Analysis roster) {
        int[] counts = new int[5];
        java.util.Set<String> townships = new java.util.TreeSet<>();
        roster.branches().values().forEach(b -> townships.add(b.townshipCode()));
        // a township's row before its first branch (the identity sync adds it at start, which may come later)
        townships.forEach(t -> county.township(t)
                .ifPresent(township -> branches.saveTownship(t, township.name(), county.code())));
        // parents first, so the foreign key holds whatever order the file lists them in
        for (Branch branch : parentsFirst(roster.branches())) {
            upsert(branch, branches.findByCode(branch.code()).orElse(null), branches::insert, branches::update,
                    counts, 0, 1);
        }
        Map<String, Member> existing = existingMembers(roster);
        for (Member member : roster.members().values()) {
            upsert(member, existing.get(member.id()), members::insert, members::update, counts, 2, 3);
        }
        int rejoined = members.clearDepartures(roster.members().keySet());
        roster.departures().values().forEach(d -> members.recordDeparture(d.memberId(), d.how(), d.on()));
        if (counts[2] + counts[3] + rejoined + roster.departures().size() > 0) {
            branches.rosterChanged();
        }
        return new Result(counts[0], counts[1], counts[2], counts[3] + rejoined, counts[4], roster.departures().size());
    }

    /** The same comparison as {@link #write}, writing nothing. */
    private void count(Analysis roster, int[] counts) {
        for (Branch branch : roster.branches().values()) {
            upsert(branch, branches.findByCode(branch.code()).orElse(null), b -> { }, b -> { }, counts, 0, 1);
        }
        Map<String, Member> existing = existingMembers(roster);
        for (Member member : roster.members().values()) {
            upsert(member, existing.get(member.id()), m -> { }, m -> { }, counts, 2, 3);
        }
    }

    private static List<Branch> parentsFirst(Map<String, Branch> parsed) {
        List<Branch> ordered = new ArrayList<>(parsed.values());
        ordered.sort((a, b) -> Boolean.compare(a.parentCode() != null, b.parentCode() != null));
        return ordered;
    }

    private Map<String, Member> existingMembers(Analysis roster) {
        Map<String, Member> existing = new HashMap<>();
        members.findAllById(roster.members().keySet()).forEach(m -> existing.put(m.id(), m));
        return existing;
    }

    private static <T> void upsert(T row, T current, java.util.function.Consumer<T> insert,
            java.util.function.Consumer<T> update, int[] counts, int addedIndex, int changedIndex) {
        if (current == null) {
            insert.accept(row);
            counts[addedIndex]++;
        } else if (!Objects.equals(current, row)) {
            update.accept(row);
            counts[changedIndex]++;
        } else {
            counts[4]++;
        }
    }

    private static String kindLabels() {
        return labels(BranchKind.values(), BranchKind::label);
    }

    private static String sanctionLabels() {
        return labels(Sanction.values(), Sanction::label);
    }

    private static <T> String labels(T[] values, Function<T, String> label) {
        return String.join("、", java.util.Arrays.stream(values).map(label).toList());
    }
}
