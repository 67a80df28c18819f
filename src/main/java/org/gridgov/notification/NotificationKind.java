package org.gridgov.notification;

/** What a notification is about; each comes from one published event of the event module. */
public enum NotificationKind {
    /** A step of an event the recipient holds, or a lower level holds, used 80 % of its time. 黄牌 */
    DEADLINE_YELLOW,
    /** A step of an event the recipient holds, or a lower level holds, is overdue. 红牌 */
    DEADLINE_RED,
    /** An event was dispatched to the recipient, who should claim it. 派遣 */
    DISPATCHED,
    /** The assignee returned an event to the recipient, its dispatcher. 退回 */
    RETURNED,
    /** The result of the recipient's handling failed verification. 返工 */
    REWORK,
    /** A higher level presses the recipient, who holds the event. 督办 */
    SUPERVISED,
    /** An event was escalated to the recipient, the next center up. 逐级上报 */
    ESCALATED
}
