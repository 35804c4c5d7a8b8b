/**
 * The statistics table (统计表): each branch's row, pre-filled from what its cycle recorded and
 * submitted by the branch ({@code submitStatistics}), and the township's sums as an XLSX workbook, with
 * beside each row how its rectification items stand in the follow-up (整改销号) on the day it is written.
 * May use: {@code cycle}, {@code form}, {@code rating}, {@code registry}, {@code calendar} and the adapters.
 */
package org.orglife.statistics;
