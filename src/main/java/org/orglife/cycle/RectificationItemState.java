package org.orglife.cycle;

/**
 * Where a filed rectification item stands in its follow-up (整改销号): 整改中 until the secretary marks it
 * done, 待确认 until the liaison cadre confirms it (or returns it: 整改中 again), then 已销号. The township
 * office may reopen a confirmed item as 整改不到位: it is 整改中 again, with a new deadline.
 */
public enum RectificationItemState {
    OPEN("整改中"),
    MARKED("已销号待确认"),
    CONFIRMED("已确认销号");

    private final String label;

    RectificationItemState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
