/**
 * The province-scale benchmark (issue 7): a synthetic registry, one campaign, every branch's cycle
 * driven to its end through the same forms, listeners and rules as Tasklist, and one {@code BENCH}
 * line of figures. Active only in the {@code bench} profile, run by {@code ./mvnw -Pbench verify}
 * through {@link org.orglife.bench.BenchApplication}; see BENCHMARKS.md. It lives beside the tests,
 * not in the application's jar, and may use everything of the application.
 */
package org.orglife.bench;
