/**
 * The members' own appraisal ballot at the members' meeting (民主测评, notice 二.4; SPEC §10): the
 * branch's secretary opens it during step 4 ({@link org.orglife.ballot.Ballots}), prints one slip per
 * voter present ({@link org.orglife.ballot.BallotSlips}), the members vote on their phones without
 * signing in, and closing it hands the tallies to the members' meeting's form. Nothing joins a code to
 * the choices cast with it.
 */
package org.orglife.ballot;
