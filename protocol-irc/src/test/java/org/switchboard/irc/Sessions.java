package org.switchboard.irc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.switchboard.protocol.contract.EventRecorder;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.spi.AccountConfig;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolSession;
import org.switchboard.protocol.spi.capability.Capability;

/** Opens IRC sessions for a test and closes them all afterwards. */
final class Sessions implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final List<ProtocolSession> open = new ArrayList<>();

    /** A session and what it reported. */
    record Client(ProtocolSession session, EventRecorder events, AccountConfig config) {
        <C extends Capability> C need(Class<C> type) {
            return session.capability(type).orElseThrow(() -> new AssertionError("no " + type.getSimpleName()));
        }

        ContactAddress address(String nick) {
            return new ContactAddress(config.id(), nick);
        }
    }

    Client open(AccountConfig config) {
        EventRecorder events = new EventRecorder();
        ProtocolSession session = new IrcProvider().open(config, events);
        synchronized (open) {
            open.add(session);
        }
        return new Client(session, events, config);
    }

    Client connected(AccountConfig config) throws Exception {
        Client client = open(config);
        join(client.session().connect());
        return client;
    }

    static AccountConfig with(AccountConfig config, Map<String, String> settings) {
        AccountConfig result = config;
        for (var e : settings.entrySet()) {
            result = result.withSetting(e.getKey(), e.getValue());
        }
        return result;
    }

    static <T> T join(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw ProtocolException.from(e.getCause());
        }
    }

    /** A name no other test uses: {@code prefix} plus random hex. */
    static String unique(String prefix) {
        byte[] bytes = new byte[3];
        ThreadLocalRandom.current().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        synchronized (open) {
            open.forEach(ProtocolSession::close);
            open.clear();
        }
    }
}
