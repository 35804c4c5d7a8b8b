package org.orglife.registry;

/** One thing wrong with a roster file, located by file (and sheet), line and column. */
public record RosterProblem(String source, int line, String column, String message) {

    /** The Chinese sentence shown to the user, e.g. {@code members.csv 第 12 行「所在支部编号」：支部 DDG-99 不存在}. */
    public String describe() {
        String where = line > 0 ? source + " 第 " + line + " 行" : source;
        return column == null ? where + "：" + message : where + "「" + column + "」：" + message;
    }
}
