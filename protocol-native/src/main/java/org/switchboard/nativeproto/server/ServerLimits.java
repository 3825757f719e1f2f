package org.switchboard.nativeproto.server;

import java.time.Duration;

/**
 * The limits a {@link NativeServer} enforces; PROTOCOL.md says what happens when each is exceeded.
 *
 * @param maxFrameBytes            largest frame body accepted, in bytes
 * @param maxBodyBytes             largest message body, in UTF-8 bytes
 * @param framesPerSecond          steady rate of frames per connection (token bucket refill)
 * @param frameBurst               frames a connection may send at once (token bucket size)
 * @param maxFailedLoginsPerUser   failed logins on one account, within {@code failureWindow}, before it is locked
 * @param maxFailedLoginsPerAddress failed logins from one IP address before it is locked
 * @param failureWindow            how long a failed login counts
 * @param lockout                  how long a locked account or address stays locked
 * @param maxConnectionsPerUser    logged-in connections one account may have at once
 * @param idleTimeout              a connection that sends nothing for this long is closed
 * @param loginTimeout             a connection must log in within this time
 */
public record ServerLimits(int maxFrameBytes, int maxBodyBytes, double framesPerSecond, int frameBurst,
                           int maxFailedLoginsPerUser, int maxFailedLoginsPerAddress,
                           Duration failureWindow, Duration lockout, int maxConnectionsPerUser,
                           Duration idleTimeout, Duration loginTimeout) {

    public static final ServerLimits DEFAULTS = new ServerLimits(256 * 1024, 64 * 1024, 20, 60, 5, 20,
            Duration.ofMinutes(15), Duration.ofMinutes(5), 10, Duration.ofSeconds(120), Duration.ofSeconds(30));

    public ServerLimits {
        if (maxFrameBytes < 1024 || maxBodyBytes < 1 || maxBodyBytes > maxFrameBytes - 512) {
            throw new IllegalArgumentException("frame limit must be ≥ 1024 and leave room for the body limit");
        }
        if (framesPerSecond <= 0 || frameBurst < 1 || maxFailedLoginsPerUser < 1
                || maxFailedLoginsPerAddress < 1 || maxConnectionsPerUser < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public ServerLimits withFrameLimits(int maxFrameBytes, int maxBodyBytes) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, maxFailedLoginsPerUser,
                maxFailedLoginsPerAddress, failureWindow, lockout, maxConnectionsPerUser, idleTimeout, loginTimeout);
    }

    public ServerLimits withFrameRate(double framesPerSecond, int frameBurst) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, maxFailedLoginsPerUser,
                maxFailedLoginsPerAddress, failureWindow, lockout, maxConnectionsPerUser, idleTimeout, loginTimeout);
    }

    public ServerLimits withLoginFailures(int perUser, int perAddress, Duration lockout) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, perUser, perAddress,
                failureWindow, lockout, maxConnectionsPerUser, idleTimeout, loginTimeout);
    }

    public ServerLimits withMaxConnectionsPerUser(int max) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, maxFailedLoginsPerUser,
                maxFailedLoginsPerAddress, failureWindow, lockout, max, idleTimeout, loginTimeout);
    }

    public ServerLimits withTimeouts(Duration idleTimeout, Duration loginTimeout) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, maxFailedLoginsPerUser,
                maxFailedLoginsPerAddress, failureWindow, lockout, maxConnectionsPerUser, idleTimeout, loginTimeout);
    }
}
