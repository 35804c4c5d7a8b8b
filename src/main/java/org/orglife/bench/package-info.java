/**
 * The province-scale benchmark (issue 7): a synthetic registry, one campaign, every branch's cycle
 * driven to its end through the same forms, listeners and rules as Tasklist, and one {@code BENCH}
 * line of figures. Active only with {@code --bench} (or the {@code bench} profile); see BENCHMARKS.md.
 */
package org.orglife.bench;
