package org.switchboard.nativeproto.server;

import java.time.Duration;

/**
 * The limits a {@link NativeServer} enforces; PROTOCOL.md §13 says what happens when each is exceeded.
 *
 * @param maxFrameBytes             largest frame body accepted, in bytes
 * @param maxBodyBytes              largest message body, in UTF-8 bytes
 * @param framesPerSecond           steady rate of frames per logged-in connection (token bucket refill)
 * @param frameBurst                frames a logged-in connection may send at once (token bucket size)
 * @param maxFailedLoginsPerUser    failed logins on one account, within {@code failureWindow}, before it is locked;
 *                                  also the most SCRAM exchanges one account may have in progress
 * @param maxFailedLoginsPerAddress failed logins from one IP address before it is locked; also the most
 *                                  exchanges in progress from one address
 * @param failureWindow             how long a failed login counts
 * @param lockout                   how long a locked account or address stays locked
 * @param maxConnectionsPerUser     logged-in connections one account may have at once
 * @param idleTimeout               a logged-in connection that sends nothing for this long is closed
 * @param loginTimeout              a connection must log in within this time, however much it sends
 * @param maxConnections            connections the server holds at once, logged in or not
 * @param maxConnectionsPerAddress  connections one IP address may hold at once
 * @param writeTimeout              a connection whose client takes longer than this to accept one write is closed
 * @param outboundQueueBytes        frames waiting to be written to one connection; a push that overflows it
 *                                  closes the connection (its client does not read)
 * @param preLoginFramesPerSecond   steady frame rate of a connection before login
 * @param preLoginFrameBurst        frames a connection may send at once before login
 * @param registrationsPerHour      {@code register} requests one IP address may make per hour (also its burst)
 * @param maxQueuedPerRecipient     messages and receipts stored for one user
 * @param maxQueuedBytesPerRecipient their bytes
 * @param maxQueuedPerPair          messages and receipts stored from one user for another
 * @param maxQueuedBytesPerPair     their bytes
 * @param queueTtl                  how long a stored message or receipt is kept for a user who does not collect it
 */
public record ServerLimits(int maxFrameBytes, int maxBodyBytes, double framesPerSecond, int frameBurst,
                           int maxFailedLoginsPerUser, int maxFailedLoginsPerAddress,
                           Duration failureWindow, Duration lockout, int maxConnectionsPerUser,
                           Duration idleTimeout, Duration loginTimeout,
                           int maxConnections, int maxConnectionsPerAddress,
                           Duration writeTimeout, int outboundQueueBytes,
                           double preLoginFramesPerSecond, int preLoginFrameBurst, int registrationsPerHour,
                           int maxQueuedPerRecipient, long maxQueuedBytesPerRecipient,
                           int maxQueuedPerPair, long maxQueuedBytesPerPair, Duration queueTtl) {

    public static final ServerLimits DEFAULTS = new ServerLimits(256 * 1024, 64 * 1024, 20, 60, 5, 20,
            Duration.ofMinutes(15), Duration.ofMinutes(5), 10, Duration.ofSeconds(120), Duration.ofSeconds(30),
            10_000, 100, Duration.ofSeconds(10), 4 * 1024 * 1024,
            1, 10, 5,
            5_000, 32L * 1024 * 1024, 500, 4L * 1024 * 1024, Duration.ofDays(30));

    public ServerLimits {
        if (maxFrameBytes < 1024 || maxBodyBytes < 1 || maxBodyBytes > maxFrameBytes - 512) {
            throw new IllegalArgumentException("frame limit must be ≥ 1024 and leave room for the body limit");
        }
        if (framesPerSecond <= 0 || frameBurst < 1 || maxFailedLoginsPerUser < 1
                || maxFailedLoginsPerAddress < 1 || maxConnectionsPerUser < 1 || maxConnections < 1
                || maxConnectionsPerAddress < 1 || preLoginFramesPerSecond <= 0 || preLoginFrameBurst < 3
                || registrationsPerHour < 1 || maxQueuedPerRecipient < 1 || maxQueuedPerPair < 1
                || maxQueuedBytesPerRecipient < 1 || maxQueuedBytesPerPair < 1) {
            throw new IllegalArgumentException("limits must be positive (and a login takes 3 frames)");
        }
        // Replies wait for half the queue to be free (PROTOCOL.md §13), so half must hold a whole frame.
        if (outboundQueueBytes < 2L * (maxFrameBytes + 4)) {
            throw new IllegalArgumentException("the outbound queue must hold two frames of the largest size");
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero() || queueTtl.isNegative() || queueTtl.isZero()
                || loginTimeout.isNegative() || loginTimeout.isZero()) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    public ServerLimits withFrameLimits(int maxFrameBytes, int maxBodyBytes) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, maxFailedLoginsPerUser,
                maxFailedLoginsPerAddress, failureWindow, lockout, maxConnectionsPerUser, idleTimeout, loginTimeout,
                maxConnections, maxConnectionsPerAddress, writeTimeout, outboundQueueBytes, preLoginFramesPerSecond,
                preLoginFrameBurst, registrationsPerHour, maxQueuedPerRecipient, maxQueuedBytesPerRecipient,
                maxQueuedPerPair, maxQueuedBytesPerPair, queueTtl);
    }

    public ServerLimits withFrameRate(double framesPerSecond, int frameBurst) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, maxFailedLoginsPerUser,
                maxFailedLoginsPerAddress, failureWindow, lockout, maxConnectionsPerUser, idleTimeout, loginTimeout,
                maxConnections, maxConnectionsPerAddress, writeTimeout, outboundQueueBytes, preLoginFramesPerSecond,
                preLoginFrameBurst, registrationsPerHour, maxQueuedPerRecipient, maxQueuedBytesPerRecipient,
                maxQueuedPerPair, maxQueuedBytesPerPair, queueTtl);
    }

    public ServerLimits withLoginFailures(int perUser, int perAddress, Duration lockout) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, perUser, perAddress,
                failureWindow, lockout, maxConnectionsPerUser, idleTimeout, loginTimeout,
                maxConnections, maxConnectionsPerAddress, writeTimeout, outboundQueueBytes, preLoginFramesPerSecond,
                preLoginFrameBurst, registrationsPerHour, maxQueuedPerRecipient, maxQueuedBytesPerRecipient,
                maxQueuedPerPair, maxQueuedBytesPerPair, queueTtl);
    }

    public ServerLimits withMaxConnectionsPerUser(int max) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, maxFailedLoginsPerUser,
                maxFailedLoginsPerAddress, failureWindow, lockout, max, idleTimeout, loginTimeout,
                maxConnections, maxConnectionsPerAddress, writeTimeout, outboundQueueBytes, preLoginFramesPerSecond,
                preLoginFrameBurst, registrationsPerHour, maxQueuedPerRecipient, maxQueuedBytesPerRecipient,
                maxQueuedPerPair, maxQueuedBytesPerPair, queueTtl);
    }

    public ServerLimits withTimeouts(Duration idleTimeout, Duration loginTimeout) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, maxFailedLoginsPerUser,
                maxFailedLoginsPerAddress, failureWindow, lockout, maxConnectionsPerUser, idleTimeout, loginTimeout,
                maxConnections, maxConnectionsPerAddress, writeTimeout, outboundQueueBytes, preLoginFramesPerSecond,
                preLoginFrameBurst, registrationsPerHour, maxQueuedPerRecipient, maxQueuedBytesPerRecipient,
                maxQueuedPerPair, maxQueuedBytesPerPair, queueTtl);
    }

    /** Connections held at once: in all, and from one IP address. */
    public ServerLimits withConnectionCaps(int total, int perAddress) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, maxFailedLoginsPerUser,
                maxFailedLoginsPerAddress, failureWindow, lockout, maxConnectionsPerUser, idleTimeout, loginTimeout,
                total, perAddress, writeTimeout, outboundQueueBytes, preLoginFramesPerSecond,
                preLoginFrameBurst, registrationsPerHour, maxQueuedPerRecipient, maxQueuedBytesPerRecipient,
                maxQueuedPerPair, maxQueuedBytesPerPair, queueTtl);
    }

    /** How long one write may take, and how much may wait to be written to one connection. */
    public ServerLimits withWriteLimits(Duration writeTimeout, int outboundQueueBytes) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, maxFailedLoginsPerUser,
                maxFailedLoginsPerAddress, failureWindow, lockout, maxConnectionsPerUser, idleTimeout, loginTimeout,
                maxConnections, maxConnectionsPerAddress, writeTimeout, outboundQueueBytes, preLoginFramesPerSecond,
                preLoginFrameBurst, registrationsPerHour, maxQueuedPerRecipient, maxQueuedBytesPerRecipient,
                maxQueuedPerPair, maxQueuedBytesPerPair, queueTtl);
    }

    /** The frame rate before login, and the registrations per IP address and hour. */
    public ServerLimits withPreLoginRate(double framesPerSecond, int frameBurst, int registrationsPerHour) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, this.framesPerSecond, this.frameBurst,
                maxFailedLoginsPerUser, maxFailedLoginsPerAddress, failureWindow, lockout, maxConnectionsPerUser,
                idleTimeout, loginTimeout, maxConnections, maxConnectionsPerAddress, writeTimeout, outboundQueueBytes,
                framesPerSecond, frameBurst, registrationsPerHour, maxQueuedPerRecipient, maxQueuedBytesPerRecipient,
                maxQueuedPerPair, maxQueuedBytesPerPair, queueTtl);
    }

    /** What the server stores for users who are not there to take it. */
    public ServerLimits withOfflineLimits(int perRecipient, long bytesPerRecipient, int perPair, long bytesPerPair,
                                          Duration ttl) {
        return new ServerLimits(maxFrameBytes, maxBodyBytes, framesPerSecond, frameBurst, maxFailedLoginsPerUser,
                maxFailedLoginsPerAddress, failureWindow, lockout, maxConnectionsPerUser, idleTimeout, loginTimeout,
                maxConnections, maxConnectionsPerAddress, writeTimeout, outboundQueueBytes, preLoginFramesPerSecond,
                preLoginFrameBurst, registrationsPerHour, perRecipient, bytesPerRecipient, perPair, bytesPerPair, ttl);
    }
}
