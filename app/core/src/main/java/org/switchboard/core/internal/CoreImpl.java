package org.switchboard.core.internal;

import java.io.IOException;
import org.switchboard.core.CoreOptions;
import org.switchboard.core.SwitchboardCore;

/** Placeholder until the core is implemented. */
public final class CoreImpl {
    private CoreImpl() {
    }

    public static SwitchboardCore open(CoreOptions options) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
