package org.switchboard.core.history;

/** How long an account's history is kept: forever (the default), or {@code days} days. */
public record Retention(int days) {

    public static final Retention FOREVER = new Retention(0);

    public Retention {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
    }

    public boolean forever() {
        return days == 0;
    }

    /** The settings value; {@link #parse} reads it back. */
    public String value() {
        return forever() ? "forever" : Integer.toString(days);
    }

    /** Anything unreadable keeps history forever: a typo must never delete messages. */
    public static Retention parse(String value) {
        if (value == null) {
            return FOREVER;
        }
        try {
            int days = Integer.parseInt(value.strip());
            return days > 0 ? new Retention(days) : FOREVER;
        } catch (NumberFormatException e) {
            return FOREVER;
        }
    }
}
