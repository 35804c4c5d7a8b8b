package org.orglife.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which branches the dashboard lists: a page of them by code, optionally only those whose code or
 * name contains a text, in a cycle state, or overdue. Read from the address ({@code ?page=&size=&q=
 * &status=&overdue=}) leniently: a value that makes no sense is replaced by the default and named in
 * a Chinese notice, never an error page.
 */
public record DashboardQuery(int page, int size, String search, Status status, Overdue overdue, List<String> notices) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    static final int MAX_SEARCH = 50;

    /** The cycle's state (全部 when no filter). */
    public enum Status {
        ALL("", "全部"), NOT_STARTED("not-started", "未启动"), RUNNING("running", "进行中"), COMPLETED("completed", "已完成");

        final String param;
        final String label;

        Status(String param, String label) {
            this.param = param;
            this.label = label;
        }

        public String param() {
            return param;
        }

        public String label() {
            return label;
        }
    }

    /** Overdue level of the branch's open steps: 1 past its due date, 2 supervised (督办). */
    public enum Overdue {
        ALL("", "全部"), DUE("1", "只看逾期"), SUPERVISED("2", "只看已督办");

        final String param;
        final String label;

        Overdue(String param, String label) {
            this.param = param;
            this.label = label;
        }

        public String param() {
            return param;
        }

        public String label() {
            return label;
        }
    }

    public DashboardQuery {
        notices = List.copyOf(notices);
    }

    /** The first page of every branch, as the dashboard opens. */
    public static DashboardQuery firstPage() {
        return new DashboardQuery(1, DEFAULT_SIZE, "", Status.ALL, Overdue.ALL, List.of());
    }

    /** Reads the address's parameters; each may be null (absent). */
    static DashboardQuery parse(String page, String size, String search, String status, String overdue) {
        List<String> notices = new ArrayList<>();
        int p = 1;
        if (page != null && !page.isBlank()) {
            Integer parsed = number(page);
            if (parsed == null || parsed < 1) {
                notices.add("页码「" + shorten(page) + "」无效，已显示第 1 页");
            } else {
                p = parsed;
            }
        }
        int s = DEFAULT_SIZE;
        if (size != null && !size.isBlank()) {
            Integer parsed = number(size);
            if (parsed == null || parsed < 1) {
                notices.add("每页条数「" + shorten(size) + "」无效，已按每页 " + DEFAULT_SIZE + " 个支部显示");
            } else if (parsed > MAX_SIZE) {
                notices.add("每页最多显示 " + MAX_SIZE + " 个支部");
                s = MAX_SIZE;
            } else {
                s = parsed;
            }
        }
        String text = search == null ? "" : search.strip();
        if (text.length() > MAX_SEARCH) {
            notices.add("查询内容过长，只按前 " + MAX_SEARCH + " 个字查询");
            text = text.substring(0, MAX_SEARCH);
        }
        Status st = Arrays.stream(Status.values()).filter(v -> v.param.equals(status == null ? "" : status.strip()))
                .findFirst().orElse(null);
        if (st == null) {
            notices.add("状态「" + shorten(status) + "」无效，已显示全部状态");
            st = Status.ALL;
        }
        Overdue od = Arrays.stream(Overdue.values()).filter(v -> v.param.equals(overdue == null ? "" : overdue.strip()))
                .findFirst().orElse(null);
        if (od == null) {
            notices.add("逾期筛选「" + shorten(overdue) + "」无效，已显示全部支部");
            od = Overdue.ALL;
        }
        return new DashboardQuery(p, s, text, st, od, notices);
    }

    DashboardQuery withNotice(String notice) {
        return onPage(page, notice);
    }

    DashboardQuery onPage(int other, String notice) {
        List<String> more = new ArrayList<>(notices);
        more.add(notice);
        return new DashboardQuery(other, size, search, status, overdue, more);
    }

    public boolean filtered() {
        return !search.isEmpty() || status != Status.ALL || overdue != Overdue.ALL;
    }

    /** The address of another page of the same list (year, size and filters kept), URL-encoded. */
    String link(int year, int otherPage) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("year", String.valueOf(year));
        if (!search.isEmpty()) {
            params.put("q", search);
        }
        if (status != Status.ALL) {
            params.put("status", status.param);
        }
        if (overdue != Overdue.ALL) {
            params.put("overdue", overdue.param);
        }
        if (size != DEFAULT_SIZE) {
            params.put("size", String.valueOf(size));
        }
        params.put("page", String.valueOf(otherPage));
        StringBuilder query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return "/dashboard" + query;
    }

    /** The whole number the text holds, or null. */
    static Integer number(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A bad value as shown back to the person: short, whatever was sent. */
    static String shorten(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
