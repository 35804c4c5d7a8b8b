package org.orglife.escalation;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.orglife.engine.EngineContext;
import org.orglife.engine.EngineQueries;
import org.orglife.identity.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 逾期提醒（一级） about a township's own duty, such as launching its campaign within the county's
 * deadline: its office and the county's staff are told, in the app and, where mail is configured and
 * they have an address, by e-mail; each person once per matter and level.
 */
@Component
public class TownshipNotices {

    private final EscalationRecords records;
    private final IdentityService identities;
    private final boolean mail;

    TownshipNotices(EscalationRecords records, IdentityService identities,
            @Value("${spring.mail.host:}") String mailHost) {
        this.records = records;
        this.identities = identities;
        this.mail = !mailHost.isBlank();
    }

    /**
     * Notifies the township's office and the county's staff.
     *
     * @param about what the notice is about (an instance id): a person is told once per matter and level
     * @return how many people were told now
     */
    public int notifyOfficeAndCounty(String townshipCode, String about, String title, String message) {
        Set<String> recipients = new LinkedHashSet<>();
        EngineQueries.all(identities.createUserQuery().memberOfGroup(Groups.TOWNSHIP_OFFICE).memberOfTenant(townshipCode))
                .forEach(u -> recipients.add(u.getId()));
        EngineQueries.all(identities.createUserQuery().memberOfGroup(Groups.COUNTY_STAFF))
                .forEach(u -> recipients.add(u.getId()));
        int told = 0;
        for (String userId : recipients) {
            User user = identities.createUserQuery().userId(userId).singleResult();
            if (records.notifyTownship(userId, user == null ? null : user.getEmail(), townshipCode, about, 1, title,
                    message, mail, EngineContext.now())) {
                told++;
            }
        }
        return told;
    }
}
