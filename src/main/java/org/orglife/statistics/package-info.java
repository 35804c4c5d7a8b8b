/**
 * The statistics table (统计表): each branch's row, pre-filled from what its cycle recorded and
 * submitted by the branch ({@code submitStatistics}), and the township's sums as an XLSX workbook.
 * May use: {@code cycle}, {@code form}, {@code rating}, {@code registry} and the adapters.
 */
package org.orglife.statistics;
