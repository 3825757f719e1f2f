package org.switchboard.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.switchboard.core.account.Account;
import org.switchboard.core.event.CoreEvent.AccountStatusChanged;
import org.switchboard.protocol.spi.ConnectionState;
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

    /** Adds a native account with these values and waits until it is connected. */
    public Account addConnected(Map<String, String> values) {
        Account account = core.accounts().add("native", "", values).join();
        awaitState(account, ConnectionState.CONNECTED);
        return account;
    }

    public void awaitState(Account account, ConnectionState state) {
        events.await(AccountStatusChanged.class, e -> e.status().account().equals(account.id())
                && e.status().state() == state);
    }

    @Override
    public void close() {
        core.close();
    }
}
