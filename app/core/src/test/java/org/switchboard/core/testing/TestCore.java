package org.switchboard.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.switchboard.core.CoreOptions;
import org.switchboard.core.SwitchboardCore;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.profile.Profile;

/** A core on a profile folder, subscribed to a recorder. */
public record TestCore(SwitchboardCore core, CoreEventRecorder events) implements AutoCloseable {

    public static TestCore open(Path profileDir, DemoMode demo) throws IOException {
        SwitchboardCore core = SwitchboardCore.open(CoreOptions.of(Profile.inFolder(profileDir), demo));
        CoreEventRecorder recorder = new CoreEventRecorder();
        core.subscribe(recorder);
        return new TestCore(core, recorder);
    }

    @Override
    public void close() {
        core.close();
    }
}
