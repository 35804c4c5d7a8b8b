package org.orglife.rating;

/**
 * What the eligibility table says of one member: whether they are graded, the highest grade they may
 * get, whether they vote in the democratic appraisal, and a note for the forms.
 */
public record Eligibility(boolean graded, Grade highestGrade, boolean votes, String note) {
}
