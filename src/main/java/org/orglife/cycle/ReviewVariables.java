package org.orglife.cycle;

import java.util.Arrays;
import java.util.List;

import org.orglife.registry.Branch;

/**
 * The process variables of {@code branch-annual-review} and {@code unqualified-member-disposition}:
 * references and decisions only; what the branch records lives in the cycle tables.
 */
public final class ReviewVariables {

    public static final String PROCESS_KEY = "branch-annual-review";
    public static final String DISPOSITION_PROCESS_KEY = "unqualified-member-disposition";
    public static final String FLOATING_OPINION_MESSAGE = "floatingOpinionReceived";

    /** {@code {year}-{branchCode}}, also the business key. */
    public static final String CYCLE_ID = "cycleId";
    public static final String BRANCH_CODE = "branchCode";
    /** Of a township's campaign: the township, also its tenant (a cycle's tenant is its branch's township). */
    public static final String TOWNSHIP_CODE = "townshipCode";
    public static final String REVIEW_YEAR = "reviewYear";
    /**
     * Comma-separated user ids of the branch's liaison cadre and area chief when the cycle opened: the
     * candidates of attendAndComment, and the readers of every task of the cycle and its dispositions.
     */
    public static final String LIAISON_USERS = "liaisonUsers";
    /**
     * "2021年度 · 大东沟村党支部", the first line of every form of the cycle (and of its dispositions):
     * set once on the instance, where each task's form reads it, instead of a copy per task.
     */
    public static final String CYCLE_TITLE = "cycleTitle";
    public static final String PUBLICITY_WORKING_DAYS = "publicityWorkingDays";
    public static final String PUBLICITY_ENDS_AT = "publicityEndsAt";

    public static final String PLAN_APPROVED = "planApproved";
    public static final String EXCELLENT_EXCEPTION_REQUESTED = "excellentExceptionRequested";
    public static final String EXCEPTION_APPROVED = "exceptionApproved";
    public static final String FILING_ACCEPTED = "filingAccepted";

    /** Of a disposition instance: the member concerned, the branch's choice and the township's answer. */
    public static final String MEMBER_ID = "memberId";
    public static final String DISPOSITION = "disposition";
    public static final String DISPOSITION_APPROVED = "dispositionApproved";

    /** Of the floating-opinion message. */
    public static final String OPINION_MEMBER_ID = "opinionMemberId";

    public static final int DEFAULT_PUBLICITY_WORKING_DAYS = 5;

    public static String cycleId(int year, String branchCode) {
        return year + "-" + branchCode;
    }

    public static String cycleTitle(int year, String branchName) {
        return year + "年度 · " + branchName;
    }

    /** The {@link #LIAISON_USERS} of a branch: its liaison cadre, then its area chief if it names one. */
    public static String liaisonUsers(Branch branch) {
        return branch.areaChief() == null ? branch.liaison().userId()
                : branch.liaison().userId() + "," + branch.areaChief().userId();
    }

    /** The user ids in a {@link #LIAISON_USERS} value. */
    public static List<String> users(String liaisonUsers) {
        return Arrays.stream(liaisonUsers.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    private ReviewVariables() {
    }
}
