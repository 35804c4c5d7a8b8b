package org.orglife.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.orglife.security.TenantAuthority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's dashboard ranks its townships (the demo county's three) by the share of cycles completed,
 * then the fewest overdue steps; a late launch is marked. A township's people see no ranking.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
@Transactional
class TownshipRankingTest {

    static final int YEAR = 2090;

    @Autowired TownshipRanking ranking;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void townshipsAreRankedByCyclesCompletedThenByFewestOverdueSteps() throws Exception {
        // 南村镇 2 of 3 completed, 川底乡 1 of 2, 大东沟镇 5 of 10; 川底乡 launched late
        cycles("NCZ", 3, 2);
        cycles("CDX", 2, 1);
        cycles("DDG", 10, 5);
        jdbc.sql("""
                insert into township_launch_escalation (township_code, review_year, due_at, notified_at)
                values ('CDX', ?, current_timestamp, current_timestamp)""").param(YEAR).update();

        List<TownshipRanking.Township> ranked = ranking.of(YEAR);

        assertThat(ranked).extracting(t -> t.rank() + " " + t.name() + " " + t.completed() + "/" + t.branches() + " "
                + t.launch()).containsExactly("1 南村镇 2/3 未部署", "2 川底乡 1/2 逾期未部署", "3 大东沟镇 5/10 未部署");
        assertThat(ranked.get(0).completedPercent()).isEqualTo(66);

        String county = page("county", "county-staff", "DDG", "NCZ", "CDX");
        assertThat(county).contains("各乡镇进度排名", "下载全县统计表");
        assertThat(county.indexOf("南村镇")).isLessThan(county.indexOf("川底乡"));
        String office = page("office-ncz", "township-office", "NCZ");
        assertThat(office).doesNotContain("各乡镇进度排名", "大东沟镇", "川底乡").contains("下载统计表");
    }

    private void cycles(String township, int count, int completed) {
        List<String> codes = jdbc.sql("select code from party_branch where township_code = ? and active = true order by code")
                .param(township).query(String.class).list();
        assertThat(codes).hasSize(count);
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                    insert into review_cycle (id, branch_code, review_year, status, started_at)
                    values (?, ?, ?, ?, current_timestamp)""")
                    .params(YEAR + "-" + codes.get(i), codes.get(i), YEAR, i < completed ? "COMPLETED" : "RUNNING")
                    .update();
        }
    }

    private String page(String id, String group, String... townships) throws Exception {
        List<GrantedAuthority> authorities = new java.util.ArrayList<>(List.of(new SimpleGrantedAuthority(group)));
        for (String township : townships) {
            authorities.add(new TenantAuthority(township));
        }
        return mvc.perform(get("/dashboard").param("year", String.valueOf(YEAR)).with(user(id).authorities(authorities)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
