package org.switchboard.nativeproto.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.switchboard.nativeproto.auth.Scram;
import org.switchboard.nativeproto.auth.ScramCredentials;
import org.switchboard.nativeproto.auth.ScramException;
import org.switchboard.nativeproto.auth.ScramServer;
import org.switchboard.nativeproto.codec.ErrorCode;
import org.switchboard.nativeproto.codec.FrameException;
import org.switchboard.nativeproto.codec.Frames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** hello, SCRAM-SHA-256 login (auth, auth-response) and in-band registration. */
final class LoginHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LoginHandler.class);
    static final String SERVER_NAME = "switchboard-native/0.1";

    /** Salt length of every account and of the decoys, so that neither gives the other away. */
    static final int SALT_BYTES = 16;

    private final ServerContext context;
    private final byte[] decoySecret;

    LoginHandler(ServerContext context, byte[] decoySecret) {
        this.context = context;
        this.decoySecret = decoySecret.clone();
    }

    void handle(ClientConnection connection, String type, ObjectNode frame) throws FrameException, SQLException {
        String id = Frames.id(frame);
        if (type.equals("hello")) {
            hello(connection, frame, id);
            return;
        }
        if (!connection.helloDone()) {
            throw new FrameException(ErrorCode.INVALID_INPUT, "send hello first", false, id);
        }
        if (connection.user() != null) {
            throw new FrameException(ErrorCode.ALREADY_AUTHENTICATED, "this connection is logged in", false, id);
        }
        switch (type) {
            case "auth" -> authStart(connection, frame, id);
            case "auth-response" -> authFinish(connection, frame, id);
            default -> register(connection, frame, id);
        }
    }

    private void hello(ClientConnection connection, ObjectNode frame, String id) throws FrameException {
        JsonNode versions = frame.get("versions");
        boolean offered = versions != null && versions.isArray();
        boolean speaksOurs = false;
        if (offered) {
            for (JsonNode v : versions) {
                speaksOurs |= v.isInt() && v.asInt() == Frames.VERSION;
            }
        }
        if (!speaksOurs) {
            connection.send(Frames.error(id, ErrorCode.UNSUPPORTED_VERSION,
                    "this server speaks version " + Frames.VERSION + " only"));
            connection.close();
            return;
        }
        connection.helloDone(true);
        ObjectNode reply = Frames.request("hello", id).put("version", Frames.VERSION).put("server", SERVER_NAME);
        ArrayNode features = reply.putArray("features");
        features.add("scram-sha-256");
        if (context.allowRegistration) {
            features.add("register");
        }
        for (String f : new String[] {"roster", "presence", "messages", "receipts", "typing", "offline"}) {
            features.add(f);
        }
        reply.putObject("limits").put("maxFrameBytes", context.limits.maxFrameBytes())
                .put("maxBodyBytes", context.limits.maxBodyBytes())
                .put("scramIterations", context.scramIterations);
        connection.send(reply);
    }

    private void authStart(ClientConnection connection, ObjectNode frame, String id) throws FrameException {
        if (!Scram.MECHANISM.equals(Frames.text(frame, "mechanism"))) {
            throw new FrameException(ErrorCode.INVALID_INPUT, "only " + Scram.MECHANISM + " is offered", false, id);
        }
        ScramServer.ClientFirst first;
        try {
            first = ScramServer.parseClientFirst(Frames.text(frame, "data"));
        } catch (ScramException e) {
            throw new FrameException(ErrorCode.INVALID_INPUT, e.getMessage(), false, id);
        }
        String user = UserStore.normalize(first.user()).orElse(first.user());
        Optional<Duration> locked = context.guard.lockedFor(user, connection.remoteAddress());
        if (locked.isPresent()) {
            throw lockedOut(id, locked.get());
        }
        // A new auth replaces this connection's open exchange: end that one before counting this one.
        connection.loginAttempt(null);
        if (!context.guard.begin(user, connection.remoteAddress())) {
            throw new FrameException(ErrorCode.LOCKED_OUT, "too many failed or unfinished logins for this account "
                    + "or address; finish or close the others, or try again later", false, id);
        }
        ScramServer scram = new ScramServer();
        String challenge = scram.serverFirst(new ScramServer.ClientFirst(user, first.clientNonce(), first.bare()),
                this::lookup, this::decoy);
        connection.loginAttempt(new ClientConnection.LoginAttempt(scram, user));
        connection.send(Frames.request("auth-challenge", id).put("data", challenge));
    }

    private void authFinish(ClientConnection connection, ObjectNode frame, String id)
            throws FrameException, SQLException {
        ClientConnection.LoginAttempt attempt = connection.takeLoginAttempt();
        if (attempt == null) {
            throw new FrameException(ErrorCode.INVALID_INPUT, "auth-response without auth", false, id);
        }
        String user = attempt.user();
        String address = connection.remoteAddress();
        // Checked again: the account or the address may have been locked since this exchange began.
        Optional<Duration> locked = context.guard.lockedFor(user, address);
        if (locked.isPresent()) {
            context.guard.end(user, address, false);
            throw lockedOut(id, locked.get());
        }
        String serverFinal;
        try {
            serverFinal = attempt.scram().serverFinal(Frames.text(frame, "data"));
        } catch (ScramException | FrameException e) {
            context.guard.end(user, address, true);
            LOG.info("Failed login for {} from {}", user, address);
            throw new FrameException(ErrorCode.AUTH_FAILED, "wrong user name or password", false, id);
        }
        context.guard.end(user, address, false);
        context.guard.succeeded(user);
        try {
            // The user is set before the connection is registered, so that a close in between
            // (which unregisters by user) cannot leave it in the registry for good.
            connection.loggedIn(user);
        } catch (IOException e) {
            connection.close();
            return;
        }
        if (!context.sessions.add(user, connection)) {
            connection.notLoggedIn();
            connection.finish(Frames.error(id, ErrorCode.TOO_MANY_CONNECTIONS, "this account has "
                    + context.limits.maxConnectionsPerUser() + " connections already"));
            return;
        }
        if (connection.isClosed()) {
            context.sessions.remove(user, connection);
            return;
        }
        LOG.info("{} logged in from {}", user, connection.remoteAddress());
        connection.send(Frames.ok(id).put("user", user).put("data", serverFinal));
    }

    private void register(ClientConnection connection, ObjectNode frame, String id)
            throws FrameException, SQLException {
        if (!context.allowRegistration) {
            throw new FrameException(ErrorCode.REGISTRATION_CLOSED, "this server does not take registrations", false, id);
        }
        if (!context.registrations.tryTake(connection.remoteAddress())) {
            throw new FrameException(ErrorCode.RATE_LIMITED, "too many registrations from this address; at most "
                    + context.limits.registrationsPerHour() + " an hour", false, id);
        }
        String user = UserStore.normalize(Frames.text(frame, "user")).orElseThrow(() -> new FrameException(
                ErrorCode.INVALID_INPUT, "user names are 1–64 of a-z, 0-9, '.', '_', '-'", false, id));
        JsonNode iterations = frame.get("iterations");
        // Every account answers a login with the server's count and a 16-byte salt, as a decoy does;
        // an account with its own count or salt length would tell that the name exists.
        if (iterations == null || !iterations.isInt() || iterations.asInt() != context.scramIterations) {
            throw new FrameException(ErrorCode.INVALID_INPUT, "iterations must be " + context.scramIterations
                    + " (limits.scramIterations in hello)", false, id);
        }
        ScramCredentials credentials = new ScramCredentials(bytes(frame, "salt", SALT_BYTES, SALT_BYTES, id),
                iterations.asInt(),
                bytes(frame, "storedKey", 32, 32, id), bytes(frame, "serverKey", 32, 32, id));
        if (!context.users.create(user, credentials)) {
            throw new FrameException(ErrorCode.USER_EXISTS, "the name " + user + " is taken", false, id);
        }
        LOG.info("Registered {} from {}", user, connection.remoteAddress());
        connection.send(Frames.ok(id).put("user", user));
    }

    private static byte[] bytes(ObjectNode frame, String field, int min, int max, String id) throws FrameException {
        try {
            byte[] value = Base64.getDecoder().decode(Frames.text(frame, field));
            if (value.length >= min && value.length <= max) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new FrameException(ErrorCode.INVALID_INPUT,
                "\"" + field + "\" must be base64 of " + min + (min == max ? "" : "–" + max) + " bytes", false, id);
    }

    private Optional<ScramCredentials> lookup(String user) {
        try {
            return context.users.credentials(user);
        } catch (SQLException e) {
            LOG.error("Cannot read the credentials of {}", user, e);
            return Optional.empty();
        }
    }

    /** Stable fake credentials, so an unknown name gets the same salt every time, as a real one does. */
    private ScramCredentials decoy(String user) {
        byte[] seed = Scram.credentials(user, Arrays.copyOf(decoySecret, 16), 1).storedKey();
        return new ScramCredentials(Arrays.copyOf(seed, SALT_BYTES), context.scramIterations, new byte[32], new byte[32]);
    }

    static FrameException lockedOut(String id, Duration left) {
        return new FrameException(ErrorCode.LOCKED_OUT, "too many failed logins; try again in "
                + Math.max(1, left.toSeconds()) + " s", false, id);
    }
}
