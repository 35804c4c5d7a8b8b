/**
 * Step 5, rating (评定等次): the grades and the rules R1 to R5 (the ⌊N/3⌋ cap, probationary members,
 * the sanctions' ceilings from the decision table {@code member-rating-eligibility}, floating members'
 * opinions from their inflow branch), the township's approval of an exception, and each unqualified
 * member's disposition (process {@code unqualified-member-disposition}). May use: {@code cycle},
 * {@code form}, {@code registry} and the adapters.
 */
package org.orglife.rating;
