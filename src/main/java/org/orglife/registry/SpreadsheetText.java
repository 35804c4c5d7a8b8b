package org.orglife.registry;

/**
 * Text that a spreadsheet program would take for a formula: it begins with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return. A name such as {@code =cmd|' /C calc'!A0} in a roster
 * would run as a formula in the spreadsheet of whoever opens a table it reaches; rosters refuse such
 * cells, and the tables OrgLife writes mark such text as text.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static boolean startsLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
