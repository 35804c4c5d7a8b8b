package org.orglife.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rosters in a county of three townships (the demo county): each branch's township is the 乡镇编号
 * column's; a township office imports its own township's branches and members only, and moves none;
 * the county imports any township's. Each test's writes are rolled back.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Transactional
class RosterTownshipsTest {

    static final String BRANCH_HEADER = "乡镇编号,支部编号,支部名称,组织类型,书记账号,书记姓名,联系干部账号,联系干部姓名\n";
    static final RosterImport.Importer NANCUN_OFFICE = new RosterImport.Importer(List.of("NCZ"));

    @Autowired RosterImport rosterImport;
    @Autowired BranchRepository branches;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identities;

    static List<RosterImport.RosterFile> branchTable(String... rows) {
        return List.of(new RosterImport.RosterFile("branches.csv",
                (BRANCH_HEADER + String.join("\n", rows)).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aTownshipOfficeImportsItsOwnTownshipsBranchesOnly() {
        long before = count();
        RosterRejectedException refused = catchThrowableOfType(RosterRejectedException.class,
                () -> rosterImport.importRoster(branchTable(
                        "DDG,DDG-11,新村党支部,村党支部,sec-DDG-11,刘新,liaison1,钱海涛",
                        ",DDG-02,西岭村党支部,村党支部,sec-DDG-02,石俊明,liaison1,钱海涛",
                        "DDG,NCZ-01,南村村党支部,村党支部,sec-NCZ-01,赵国庆,liaison-ncz1,孟凡军"), NANCUN_OFFICE));

        assertThat(refused.details()).containsExactly(
                "branches.csv 第 2 行「乡镇编号」：只能导入本镇的支部，不能导入大东沟镇的支部",
                "branches.csv 第 3 行「支部编号」：支部编号 DDG-02 已是大东沟镇的支部，只能导入本镇的支部",
                "branches.csv 第 4 行「乡镇编号」：只能导入本镇的支部，不能导入大东沟镇的支部");
        assertThat(count()).as("nothing written").isEqualTo(before);
        assertThat(branches.findByCode("NCZ-01").orElseThrow().townshipCode()).isEqualTo("NCZ");
    }

    @Test
    void aTownshipOfficeImportsNoMemberOfAnotherTownship() {
        String members = """
                党员编号,所在支部编号,姓名,性别,出生年份,入党日期,党员类别
                DDG01-099,DDG-01,王新,男,1980,2005-07-01,正式
                NCZ01-099,NCZ-01,赵新,男,1980,2005-07-01,正式""";
        RosterRejectedException refused = catchThrowableOfType(RosterRejectedException.class,
                () -> rosterImport.importRoster(List.of(new RosterImport.RosterFile("members.csv",
                        members.getBytes(StandardCharsets.UTF_8))), NANCUN_OFFICE));

        assertThat(refused.details()).containsExactly(
                "members.csv 第 2 行「所在支部编号」：支部 DDG-01 是大东沟镇的支部，只能导入本镇支部的党员");
    }

    @Test
    void theCountyImportsAnyTownshipsBranchesNamingEachOnesTownship() {
        RosterRejectedException refused = catchThrowableOfType(RosterRejectedException.class,
                () -> rosterImport.importRoster(branchTable(
                        ",NCZ-04,新庄村党支部,村党支部,sec-NCZ-04,王庄,liaison-ncz1,孟凡军",
                        "XYZ,NCZ-05,后庄村党支部,村党支部,sec-NCZ-05,李庄,liaison-ncz1,孟凡军",
                        "DDG,NCZ-01,南村村党支部,村党支部,sec-NCZ-01,赵国庆,liaison-ncz1,孟凡军"),
                        RosterImport.Importer.COUNTY));
        assertThat(refused.details()).containsExactly(
                "branches.csv 第 2 行「乡镇编号」：请填写支部所属的乡镇编号（本县的乡镇：DDG 大东沟镇、NCZ 南村镇、CDX 川底乡）",
                "branches.csv 第 3 行「乡镇编号」：没有编号为 XYZ 的乡镇（本县的乡镇：DDG 大东沟镇、NCZ 南村镇、CDX 川底乡）",
                "branches.csv 第 4 行「乡镇编号」：支部 NCZ-01 属于南村镇，不能改到大东沟镇：支部转到别的乡镇请联系县委组织部");

        rosterImport.importRoster(branchTable(
                "NCZ,NCZ-04,新庄村党支部,村党支部,sec-NCZ-04,王庄,liaison-ncz1,孟凡军",
                "CDX,CDX-03,川底乡中学党支部,学校党支部,sec-CDX-03,陈校,liaison-cdx1,卫建华"),
                RosterImport.Importer.COUNTY);

        assertThat(branches.findByCode("NCZ-04").orElseThrow().townshipCode()).isEqualTo("NCZ");
        assertThat(branches.findByCode("CDX-03").orElseThrow().townshipCode()).isEqualTo("CDX");
        assertThat(identities.createTenantQuery().userMember("sec-NCZ-04").list()).extracting(t -> t.getId())
                .as("the new secretary works in their township").containsExactly("NCZ");
    }

    /** A branch refused for its township: its members are named once, not each as a branch that does not exist. */
    @Test
    void theMembersOfABranchRefusedForItsTownshipAreNamedOnce() {
        String members = """
                党员编号,所在支部编号,姓名,性别,出生年份,入党日期,党员类别
                NCZ05-001,NCZ-05,李一,男,1980,2005-07-01,正式
                NCZ05-002,NCZ-05,李二,女,1982,2006-07-01,正式
                NCZ05-003,NCZ-05,李三,男,1990,2099-07-01,正式
                NCZ04-001,NCZ-04,王一,男,1980,2005-07-01,正式""";
        long before = count();
        RosterRejectedException refused = catchThrowableOfType(RosterRejectedException.class,
                () -> rosterImport.importRoster(List.of(
                        new RosterImport.RosterFile("branches.csv", (BRANCH_HEADER
                                + "NCZ,NCZ-04,新庄村党支部,村党支部,sec-NCZ-04,王庄,liaison-ncz1,孟凡军\n"
                                + "XYZ,NCZ-05,后庄村党支部,村党支部,sec-NCZ-05,李庄,liaison-ncz1,孟凡军")
                                .getBytes(StandardCharsets.UTF_8)),
                        new RosterImport.RosterFile("members.csv", members.getBytes(StandardCharsets.UTF_8))),
                        RosterImport.Importer.COUNTY));

        assertThat(refused.details()).containsExactly(
                "branches.csv 第 3 行「乡镇编号」：没有编号为 XYZ 的乡镇（本县的乡镇：DDG 大东沟镇、NCZ 南村镇、CDX 川底乡）",
                "members.csv 第 2 行「所在支部编号」：支部 NCZ-05 在支部表中未通过校验（见支部表的问题），"
                        + "其党员未导入；本支部其余党员的行不再逐行列出",
                "members.csv 第 4 行「入党日期」：入党日期不能晚于今天");
        assertThat(count()).as("nothing written").isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("select count(*) from party_branch").query(Long.class).single();
    }
}
