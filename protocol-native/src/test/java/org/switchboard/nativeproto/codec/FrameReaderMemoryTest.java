package org.switchboard.nativeproto.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A peer that announces a large frame and sends little of it holds little memory. */
class FrameReaderMemoryTest {

    private static final int LIMIT = 256 * 1024;

    private static byte[] prefix(int length) {
        return new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    @Test
    void anAnnouncedButMissingBodyIsNotAllocated() throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        truncatedRead(); // loads the classes involved, so that only the read itself is measured
        long before = threads.getCurrentThreadAllocatedBytes();
        boolean ended = truncatedRead();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(ended).isTrue();
        // Reading the whole announced length into one array would allocate it all at once.
        assertThat(allocated).isLessThan(LIMIT / 2);
    }

    /** Announces the largest frame, sends 100 bytes of it and ends; true when the reader saw the end. */
    private static boolean truncatedRead() throws Exception {
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(prefix(LIMIT)),
                new ByteArrayInputStream(new byte[100]));
        try {
            new FrameReader(in, LIMIT).read();
            return false;
        } catch (EOFException expected) {
            return true;
        }
    }

    @Test
    void aLargeFrameTricklingInByteByByteIsReadWhole() throws Exception {
        String json = "{\"type\":\"message\",\"body\":\"" + "y".repeat(100_000) + "\"}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[4 + body.length];
        System.arraycopy(prefix(body.length), 0, all, 0, 4);
        System.arraycopy(body, 0, all, 4, body.length);
        InputStream trickle = new ByteArrayInputStream(all) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        assertThat(new FrameReader(trickle, LIMIT).read().get("body").asText()).hasSize(100_000);
    }
}
