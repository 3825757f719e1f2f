package org.switchboard.nativeproto.client;

import java.time.Duration;
import java.util.Locale;
import org.switchboard.nativeproto.codec.Frames;
import org.switchboard.protocol.spi.AccountConfig;

/**
 * An account's settings as a native session uses them. Besides the dialog's fields, three
 * optional advanced settings tune the timing: {@code connect-timeout-seconds} (10),
 * {@code request-timeout-seconds} (15) and {@code keepalive-seconds} (30).
 */
record NativeSettings(String host, int port, String username, String password, Duration connectTimeout,
                      Duration requestTimeout, Duration keepalive) {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    static NativeSettings of(AccountConfig config) {
        return new NativeSettings(config.text(HOST, "localhost").strip(), config.port(PORT, Frames.DEFAULT_PORT),
                config.text(USERNAME, "").strip().toLowerCase(Locale.ROOT), config.secret(PASSWORD).orElse(""),
                Duration.ofSeconds(config.port("connect-timeout-seconds", 10)),
                Duration.ofSeconds(config.port("request-timeout-seconds", 15)),
                Duration.ofSeconds(config.port("keepalive-seconds", 30)));
    }

    @Override
    public String toString() {
        return "NativeSettings[" + username + "@" + host + ":" + port + "]";
    }
}
