package org.switchboard.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.switchboard.core.account.Account;
import org.switchboard.core.demo.DemoMode;

/**
 * A real native server with users alice and bob, each signed in from a core of their own
 * (profiles {@code alice/} and {@code bob/} beside the server's data): two people chatting.
 */
public record TwoUsers(TestServer server, TestCore alice, TestCore bob, Account aliceAccount, Account bobAccount) {

    public static TwoUsers start(Path dir, boolean friends) throws IOException {
        TestServer server = TestServer.start(dir.resolve("server"));
        var aliceValues = server.user("alice");
        var bobValues = server.user("bob");
        if (friends) {
            server.befriend("alice", "bob");
        }
        TestCore alice = TestCore.open(dir.resolve("alice"), DemoMode.OFF);
        TestCore bob = TestCore.open(dir.resolve("bob"), DemoMode.OFF);
        return new TwoUsers(server, alice, bob, alice.addConnected(aliceValues), bob.addConnected(bobValues));
    }
}
