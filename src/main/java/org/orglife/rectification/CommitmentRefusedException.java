package org.orglife.rectification;

import java.util.List;

import org.orglife.errors.ApiProblem;

/** A record of commitments kept refused with a message in Chinese; nothing was written. */
public class CommitmentRefusedException extends ApiProblem {

    CommitmentRefusedException(int status, String message) {
        super(status, message);
    }

    CommitmentRefusedException(int status, String message, List<String> details) {
        super(status, message, details);
    }
}
