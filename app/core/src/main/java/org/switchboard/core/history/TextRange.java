package org.switchboard.core.history;

/** A span of text, {@code start} inclusive and {@code end} exclusive, in UTF-16 units. */
public record TextRange(int start, int end) {
    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + start + ".." + end);
        }
    }
}
