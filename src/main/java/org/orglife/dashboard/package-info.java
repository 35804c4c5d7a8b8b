/**
 * The dashboard (看板, {@code /dashboard}) and the archive pages of a branch's year: for the county, its
 * townships ranked by progress and overdue work ({@link org.orglife.dashboard.TownshipRanking}); every
 * branch a person may see, page by page, with its open steps, due dates and overdue marks, and the
 * step and grade charts over all of them; the rectification follow-up of a year's filed lists, the
 * lagging branches first ({@code /dashboard/rectification}). May use: {@code campaign},
 * {@code escalation}, {@code rating}, {@code cycle}, {@code registry}, {@code calendar} and the adapters.
 */
package org.orglife.dashboard;
