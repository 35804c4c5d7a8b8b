package org.orglife.cluster;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A fictional county roster of N branches with six members each, in the import's CSV format: the first
 * sixteen branches in 大东沟镇 (DDG), the others in 南村镇 (NCZ), each township's liaison cadres and area
 * chiefs its own
 * (examples/roster): the secretary, and members who are elderly, floating out to the next branch here
 * (R5 across instances) or to an outside organization, in hardship, under a warning or 留党察看,
 * probationary, transferred in or floating in. Dates lie in years before {@code year}.
 */
final class CrashRoster {

    static final int MEMBERS_PER_BRANCH = 6;
    private static final String[] KINDS = {"村党支部", "村党支部", "机关党支部", "学校党支部", "卫生院党支部", "非公企业党支部"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄"};
    private static final String[] GIVEN = {"建国", "秀英", "海涛", "丽萍", "晓东", "俊豪", "国强", "桂兰"};

    private final int branches;
    private final int year;

    CrashRoster(int branches, int year) {
        this.branches = branches;
        this.year = year;
    }

    static String code(int branch) {
        return String.format("CR-%02d", branch);
    }

    static String secretary(int branch) {
        return "sec-" + code(branch);
    }

    static String liaison(int branch) {
        return "liaison-" + (1 + (branch - 1) / 8);
    }

    static String areaChief(int branch) {
        return "chief-" + (1 + (branch - 1) / 8);
    }

    /** The nodes' county: two townships, each with its office and supervisors (as a file: the names are Chinese). */
    static final String COUNTY_YAML = """
            orglife.county:
              townships:
                - code: DDG
                  name: 大东沟镇
                  staff:
                    - { id: office, name: 大东沟镇党委办公室, group: township-office }
                    - { id: supervisor, name: 大东沟镇党委督查组, group: township-supervisors }
                - code: NCZ
                  name: 南村镇
                  staff:
                    - { id: office-ncz, name: 南村镇党委办公室, group: township-office }
                    - { id: supervisor-ncz, name: 南村镇党委督查组, group: township-supervisors }
            """;

    static String township(int branch) {
        return branch <= 16 ? "DDG" : "NCZ";
    }

    /** The townships' offices and supervisors, as {@code county.yaml} names them. */
    static String office(String township) {
        return township.equals("DDG") ? "office" : "office-" + township.toLowerCase();
    }

    static String supervisor(String township) {
        return township.equals("DDG") ? "supervisor" : "supervisor-" + township.toLowerCase();
    }

    byte[] branchesCsv() {
        StringBuilder csv = new StringBuilder("乡镇编号,支部编号,支部名称,组织类型,上级组织编号,书记账号,书记姓名,书记邮箱,"
                + "联系干部账号,联系干部姓名,联系干部邮箱,片长账号,片长姓名,片长邮箱,是否有效\n");
        for (int b = 1; b <= branches; b++) {
            csv.append(String.join(",", township(b), code(b), "第" + b + "试点党支部", KINDS[b % KINDS.length], "", secretary(b),
                    name(b, 1), "", liaison(b), "联系干部" + (1 + (b - 1) / 8), "", areaChief(b),
                    "片长" + (1 + (b - 1) / 8), "", "是")).append('\n');
        }
        return bytes(csv);
    }

    byte[] membersCsv() {
        StringBuilder csv = new StringBuilder("党员编号,所在支部编号,党小组,姓名,性别,出生年份,入党日期,党员类别,党员领导干部,"
                + "流出,流入地组织,流入,组织关系所在,新发展党员,新转入党员,生活困难,年老体弱,处分,处分日期,留党察看期满日期\n");
        for (int b = 1; b <= branches; b++) {
            for (int m = 1; m <= MEMBERS_PER_BRANCH; m++) {
                csv.append(member(b, m)).append('\n');
            }
        }
        return bytes(csv);
    }

    private String member(int b, int m) {
        String id = String.format("CR%02d-%03d", b, m);
        String birth = Integer.toString(1950 + (b * 7 + m * 5) % 50);
        String joined = (year - 3) + "-07-01";
        String status = "正式";
        String leading = m == 1 ? "是" : "否";
        String floatingOut = "否";
        String inflow = "";
        String floatingIn = "否";
        String home = "";
        String newlyAdmitted = "否";
        String transferredIn = "否";
        String hardship = "否";
        String elderly = "否";
        String sanction = "无";
        String sanctionOn = "";
        String probationEnds = "";
        switch (m) {
            case 2 -> {
                birth = "1946";
                elderly = "是";
            }
            case 3 -> {
                if (b % 4 == 1 && branches > 1) {
                    floatingOut = "是";
                    inflow = code(b % branches + 1);
                } else if (b % 4 == 2) {
                    floatingOut = "是";
                    inflow = "苏州工业园区恒通物流联合党支部";
                } else {
                    hardship = "是";
                }
            }
            case 4 -> {
                if (b % 6 == 0) {
                    sanction = "警告";
                    sanctionOn = (year - 1) + "-06-01";
                } else if (b % 6 == 3) {
                    sanction = "留党察看";
                    sanctionOn = (year - 1) + "-06-01";
                    probationEnds = (year + 1) + "-06-01";
                }
            }
            case 5 -> {
                if (b % 3 == 0) {
                    status = "预备";
                    joined = (year - 1) + "-12-01";
                    birth = "1998";
                    newlyAdmitted = "是";
                } else {
                    transferredIn = "是";
                }
            }
            case 6 -> {
                if (b % 5 == 0) {
                    floatingIn = "是";
                    home = "高平市米山镇河西村党支部";
                }
            }
            default -> {
                // the secretary: a formal member and leading cadre
            }
        }
        return String.join(",", id, code(b), "", name(b, m), (b + m) % 2 == 0 ? "男" : "女", birth, joined, status,
                leading, floatingOut, inflow, floatingIn, home, newlyAdmitted, transferredIn, hardship, elderly, sanction,
                sanctionOn, probationEnds);
    }

    private static String name(int b, int m) {
        return SURNAMES[(b + m) % SURNAMES.length] + GIVEN[(b * 3 + m) % GIVEN.length];
    }

    private static byte[] bytes(StringBuilder csv) {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The two tables as one multipart body of {@code file} parts, as {@code curl -F file=@… -F file=@…} sends them. */
    static byte[] multipart(String boundary, List<String> names, List<byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < files.size(); i++) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + names.get(i)
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(files.get(i));
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
