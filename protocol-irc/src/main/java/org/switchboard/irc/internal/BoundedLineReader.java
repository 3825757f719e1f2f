package org.switchboard.irc.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars}; the rest of a longer line is read and dropped, so a
 * hostile server cannot make the client hold an endless line in memory.
 */
final class BoundedLineReader extends BufferedReader {

    private final int maxChars;

    BoundedLineReader(Reader in, int maxChars) {
        super(in, 8192);
        this.maxChars = maxChars;
    }

    @Override
    public String readLine() throws IOException {
        StringBuilder line = new StringBuilder(128);
        int c;
        boolean any = false;
        while ((c = read()) >= 0) {
            any = true;
            if (c == '\n') {
                break;
            }
            if (c != '\r' && line.length() < maxChars) {
                line.append((char) c);
            }
        }
        return any ? line.toString() : null;
    }
}
