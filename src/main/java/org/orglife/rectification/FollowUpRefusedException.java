package org.orglife.rectification;

import java.util.List;

import org.orglife.errors.ApiProblem;

/** An action on a rectification item's follow-up refused with a message in Chinese; nothing was written. */
public class FollowUpRefusedException extends ApiProblem {

    FollowUpRefusedException(int status, String message) {
        super(status, message);
    }

    FollowUpRefusedException(int status, String message, List<String> details) {
        super(status, message, details);
    }
}
