package org.orglife.ballot;

import java.util.List;

import org.orglife.errors.ApiProblem;

/** A ballot request refused with a message in Chinese; nothing was written. */
public class BallotRefusedException extends ApiProblem {

    BallotRefusedException(int status, String message) {
        super(status, message);
    }

    BallotRefusedException(int status, String message, List<String> details) {
        super(status, message, details);
    }
}
