package org.switchboard.nativeproto.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private static final int LIMIT = 1024;

    private static byte[] framed(byte[] body) {
        byte[] out = new byte[4 + body.length];
        out[0] = (byte) (body.length >>> 24);
        out[1] = (byte) (body.length >>> 16);
        out[2] = (byte) (body.length >>> 8);
        out[3] = (byte) body.length;
        System.arraycopy(body, 0, out, 4, body.length);
        return out;
    }

    private static FrameReader reader(byte[] bytes) {
        return new FrameReader(new ByteArrayInputStream(bytes), LIMIT);
    }

    private static FrameException refusal(String body) {
        return org.junit.jupiter.api.Assertions.assertThrows(FrameException.class,
                () -> reader(framed(body.getBytes(StandardCharsets.UTF_8))).read());
    }

    @Test
    void framesRoundTripInOrderWithUnicode() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(out, LIMIT);
        writer.write(Frames.request("message", "1").put("body", "你好 — 即時通訊 ✓"));
        writer.write(Frames.frame("ping"));

        FrameReader reader = reader(out.toByteArray());
        ObjectNode first = reader.read();
        assertThat(Frames.type(first)).isEqualTo("message");
        assertThat(Frames.id(first)).isEqualTo("1");
        assertThat(first.get("body").asText()).isEqualTo("你好 — 即時通訊 ✓");
        assertThat(Frames.type(reader.read())).isEqualTo("ping");
        assertThatThrownBy(reader::read).isInstanceOf(EOFException.class);
    }

    @Test
    void aTruncatedLengthOrBodyIsABrokenStreamNotAFrame() {
        assertThatThrownBy(() -> reader(new byte[] {0, 0}).read()).isInstanceOf(EOFException.class);
        byte[] whole = framed("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);
        assertThatThrownBy(() -> reader(cut).read()).isInstanceOf(EOFException.class);
    }

    @Test
    void anOversizeLengthIsFatalAndTheBodyIsNeverRead() {
        byte[] huge = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThatThrownBy(() -> reader(huge).read()).isInstanceOfSatisfying(FrameException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
            assertThat(e.fatal()).isTrue();
            assertThat(e.getMessage()).contains("4294967295").contains("1024");
        });
    }

    @Test
    void malformedBodiesAreRefusedButTheStreamStaysInStep() throws Exception {
        assertThat(refusal("not json").code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(refusal("[1,2]").getMessage()).contains("not a JSON object");
        assertThat(refusal("\"text\"").code()).isEqualTo(ErrorCode.BAD_FRAME);
        assertThat(refusal("{\"id\":\"7\"}").requestId()).isEqualTo("7");
        assertThat(refusal("{\"type\":42}").getMessage()).contains("\"type\"");
        assertThat(refusal("{\"type\":\"\"}").fatal()).isFalse();

        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(framed(new byte[] {(byte) 0xC3, (byte) 0x28}));
        stream.write(framed("{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8)));
        FrameReader reader = reader(stream.toByteArray());
        assertThatThrownBy(reader::read).isInstanceOfSatisfying(FrameException.class,
                e -> assertThat(e.getMessage()).contains("UTF-8"));
        assertThat(Frames.type(reader.read())).isEqualTo("ping");
    }

    @Test
    void missingOrWrongFieldsNameTheField() {
        ObjectNode frame = Frames.request("message", "9").put("to", " ").put("accept", "yes");
        assertThatThrownBy(() -> Frames.text(frame, "to")).isInstanceOfSatisfying(FrameException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
            assertThat(e.requestId()).isEqualTo("9");
            assertThat(e.getMessage()).contains("\"to\"");
        });
        assertThatThrownBy(() -> Frames.text(frame, "body")).hasMessageContaining("\"body\"");
        assertThatThrownBy(() -> Frames.flag(frame, "accept")).hasMessageContaining("true or false");
        assertThat(Frames.text(frame, "status", "none")).isEqualTo("none");
    }

    @Test
    void theWriterRefusesWhatThePeerWouldRefuse() {
        ObjectNode big = Frames.frame("message").put("body", "x".repeat(LIMIT));
        assertThatThrownBy(() -> new FrameWriter(new ByteArrayOutputStream(), LIMIT).write(big))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE));
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButFrameOrEndOfStreamErrors() {
        Random random = new Random(5290);
        for (int i = 0; i < 2000; i++) {
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            if (random.nextBoolean() && noise.length >= 4) {
                // A plausible length, so the body parser gets garbage too.
                noise[0] = 0;
                noise[1] = 0;
                noise[2] = 0;
                noise[3] = (byte) (noise.length - 4);
            }
            FrameReader reader = reader(noise);
            try {
                while (true) {
                    reader.read();
                }
            } catch (FrameException | java.io.IOException expected) {
                // Either refused with a code or the stream ended: both are handled by the caller.
            }
        }
    }

    @Test
    void errorCodesHaveStableWireNames() {
        assertThat(ErrorCode.FRAME_TOO_LARGE.wire()).isEqualTo("frame-too-large");
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(ErrorCode.fromWire(code.wire())).isEqualTo(code);
        }
        assertThat(ErrorCode.fromWire("from-the-future")).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }
}
