package org.orglife.ballot;

import java.util.List;
import java.util.Map;

import org.orglife.rating.Grade;
import org.springframework.web.util.HtmlUtils;

/**
 * The members' part of the ballot page, written here rather than by the template engine: a branch of
 * a thousand members makes four thousand choices, and every phone of the meeting asks for the same
 * page, so it is written once per ballot ({@link Ballots}) and only again when a voter comes back to
 * change their choices. Every text is escaped.
 */
final class BallotMarkup {

    /** The members with their four grades each, {@code chosen} (member id → grade name) checked. */
    static String members(List<Ballots.Appraised> members, Map<String, String> chosen) {
        StringBuilder html = new StringBuilder(members.size() * 640);
        for (Ballots.Appraised m : members) {
            String id = HtmlUtils.htmlEscape(m.memberId());
            html.append("<fieldset class=\"member\" id=\"member-").append(id).append("\"><legend><span>")
                    .append(HtmlUtils.htmlEscape(m.name())).append("</span>");
            if (m.note() != null) {
                html.append(" <span class=\"note\">").append(HtmlUtils.htmlEscape(m.note())).append("</span>");
            }
            html.append("</legend><div class=\"grades\">");
            String checked = chosen.get(m.memberId());
            for (Grade grade : Grade.values()) {
                html.append("<label><input type=\"radio\" name=\"").append(VotingController.CHOICE).append(id)
                        .append("\" value=\"").append(grade.name()).append('"')
                        .append(grade.name().equals(checked) ? " checked" : "").append("><span>")
                        .append(grade.label()).append("</span></label>");
            }
            html.append("</div></fieldset>\n");
        }
        return html.toString();
    }

    private BallotMarkup() {
    }
}
