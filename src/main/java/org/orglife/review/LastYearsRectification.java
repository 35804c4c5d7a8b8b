package org.orglife.review;

import static java.util.stream.Collectors.joining;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.orglife.calendar.WorkingDayCalendar;
import org.orglife.cycle.CommitmentKept;
import org.orglife.cycle.RectificationProgress;
import org.orglife.cycle.RectificationProgress.CommitmentsKept;
import org.orglife.cycle.RectificationProgress.Item;
import org.orglife.cycle.RectificationProgress.Summary;
import org.orglife.cycle.ReviewVariables;
import org.orglife.cycle.StepContext;
import org.springframework.stereotype.Component;

/**
 * What the next year's cycle remembers of the branch's last rectification (notice 二.3, 二.6): the
 * committee examines itself against how last year's items were rectified, and the secretary, first
 * person responsible for the rectification, reports on it when giving account to the members' meeting
 * (述职). Read from last year's follow-up (整改销号) and commitments (践诺) when a form opens, as they
 * stand that day.
 */
@Component
class LastYearsRectification {

    private final RectificationProgress progress;
    private final WorkingDayCalendar calendar;

    LastYearsRectification(RectificationProgress progress, WorkingDayCalendar calendar) {
        this.progress = progress;
        this.calendar = calendar;
    }

    /** Last year's cycle of the context's branch, as it stands today. */
    LastYear of(StepContext context) {
        String lastYear = ReviewVariables.cycleId(context.year() - 1, context.branchCode());
        return new LastYear(progress.items(lastYear), LocalDate.ofInstant(context.now(), calendar.zone()),
                progress.commitmentsKept(lastYear));
    }

    record LastYear(List<Item> items, LocalDate today, CommitmentsKept commitments) {

        /** One line per item: number, problem, measure, how it stands; null when there was no list. */
        String itemLines() {
            return items.isEmpty() ? null : items.stream()
                    .map(i -> i.seq() + ". " + i.problem() + "；整改措施：" + i.measure() + "；" + i.status(today))
                    .collect(joining("\n"));
        }

        /**
         * The 述职's part on the rectification, a short sentence a line for the secretary to read out:
         * the items done on time, done late, not yet closed (and of those overdue), those the township
         * found not rectified; how the members kept their commitments. Null when there is nothing to report.
         */
        String report() {
            List<String> lines = new ArrayList<>();
            Summary summary = Summary.of(items, today);
            if (summary.items() > 0) {
                List<String> parts = new ArrayList<>();
                count(parts, "按期完成", summary.doneOnTime(), "项");
                count(parts, "逾期完成", summary.doneLate(), "项");
                if (summary.open() == 0) {
                    parts.add("已全部销号");
                } else {
                    parts.add("尚未销号 " + summary.open() + " 项"
                            + (summary.overdue() > 0 ? "，其中 " + summary.overdue() + " 项已超过整改时限" : ""));
                }
                lines.add("上年度整改清单共 " + summary.items() + " 项：" + String.join("，", parts) + "。");
                if (summary.reopened() > 0) {
                    lines.add("镇党委认定整改不到位、退回重新整改的有 " + summary.reopened() + " 项。");
                }
            } else if (!items.isEmpty()) {
                lines.add("上年度整改清单共 " + items.size() + " 项，没有跟踪整改销号情况。");
            }
            if (commitments.commitments() > 0) {
                List<String> parts = new ArrayList<>();
                count(parts, CommitmentKept.KEPT.label(), commitments.kept(), "人");
                count(parts, CommitmentKept.PARTLY_KEPT.label(), commitments.partlyKept(), "人");
                count(parts, CommitmentKept.NOT_KEPT.label(), commitments.notKept(), "人");
                count(parts, "践诺情况未记录", commitments.notRecorded(), "人");
                lines.add("党员作出整改承诺 " + commitments.commitments() + " 人：" + String.join("，", parts) + "。");
            }
            return lines.isEmpty() ? null : String.join("\n", lines);
        }

        private static void count(List<String> parts, String what, int n, String unit) {
            if (n > 0) {
                parts.add(what + " " + n + " " + unit);
            }
        }
    }
}
