package org.switchboard.core.command;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.switchboard.core.account.AccountService;
import org.switchboard.core.command.CommandResult.Outcome;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.ConversationService;
import org.switchboard.core.room.Room;
import org.switchboard.core.room.RoomService;
import org.switchboard.core.session.SessionSupervisor;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.spi.capability.GroupChat;
import org.switchboard.protocol.spi.capability.Presence;

/** Runs what {@link CommandParser} read, on the account of the conversation it was typed in. */
public final class Commands implements CommandService {

    private final ConversationService conversations;
    private final RoomService rooms;
    private final AccountService accounts;
    private final SessionSupervisor sessions;

    public Commands(ConversationService conversations, RoomService rooms, AccountService accounts,
                    SessionSupervisor sessions) {
        this.conversations = conversations;
        this.rooms = rooms;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    public CompletableFuture<CommandResult> submit(ConversationId where, String line) {
        try {
            return run(where, CommandParser.parse(line));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<CommandResult> run(ConversationId where, InputCommand command) {
        AccountId account = where.account();
        return switch (command) {
            case InputCommand.Say say -> say(where, say.text());
            case InputCommand.Msg msg -> {
                ConversationId direct = new ConversationId(new ContactAddress(account, msg.nick()));
                yield conversations.send(direct, msg.text())
                        .thenApply(m -> CommandResult.opening(Outcome.OPENED, direct, msg.nick()));
            }
            case InputCommand.Join join -> needsRooms(account, "join").orElseGet(() ->
                    rooms.join(account, join.room(), null, join.password()).thenApply(room ->
                            CommandResult.opening(Outcome.JOINED, new ConversationId(room), room.name())));
            case InputCommand.Part part -> needsRooms(account, "part").or(() -> needsRoom(where, "part")).orElseGet(() ->
                    rooms.leave(where.room(), part.reason())
                            .thenApply(v -> CommandResult.of(Outcome.LEFT, where.name())));
            case InputCommand.Nick nick -> needsRooms(account, "nick").orElseGet(() -> {
                Optional<RoomAddress> room = where.isRoom() ? Optional.of(where.room())
                        : rooms.joined(account).stream().map(Room::address).findFirst();
                // Where nicks are network-wide the room only says which network; without one, say so.
                return room.map(r -> rooms.changeNick(r, nick.nick())
                                .thenApply(v -> CommandResult.of(Outcome.NICK_CHANGED, nick.nick())))
                        .orElseGet(() -> done(CommandResult.of(Outcome.NOT_IN_ROOM, "nick")));
            });
            case InputCommand.Topic topic -> needsRooms(account, "topic")
                    .or(() -> needsRoom(where, "topic")).orElseGet(() -> {
                        RoomAddress room = where.room();
                        if (topic.text() == null) {
                            String now = rooms.room(room).map(Room::topic).orElse("");
                            return done(CommandResult.of(Outcome.TOPIC, room.name(), now));
                        }
                        return rooms.setTopic(room, topic.text())
                                .thenApply(v -> CommandResult.of(Outcome.TOPIC_SET, room.name()));
                    });
            case InputCommand.Invite invite -> needsRooms(account, "invite")
                    .or(() -> needsRoom(where, "invite")).orElseGet(() -> invite(where.room(), invite));
            case InputCommand.Away away -> sessions.capability(account, Presence.class)
                    .map(presence -> presence.setOwn(away.text().isEmpty() ? PresenceStatus.ONLINE
                                    : new PresenceStatus(Availability.AWAY, away.text()))
                            .thenApply(v -> away.text().isEmpty() ? CommandResult.of(Outcome.BACK)
                                    : CommandResult.of(Outcome.AWAY, away.text())))
                    .orElseGet(() -> done(CommandResult.of(Outcome.NOT_SUPPORTED, "away")));
            // The network offers no quit message through the SPI; the account is disabled, so it stays
            // off (also after a restart) until the user enables it again.
            case InputCommand.Quit quit -> accounts.setEnabled(account, false)
                    .thenApply(v -> CommandResult.of(Outcome.QUIT));
            case InputCommand.Help help -> done(CommandResult.of(Outcome.HELP,
                    String.join(" ", CommandParser.COMMANDS.stream().map(c -> "/" + c).toList())));
            case InputCommand.Unknown unknown -> done(CommandResult.of(Outcome.UNKNOWN_COMMAND, unknown.name()));
            case InputCommand.Usage usage -> done(CommandResult.of(Outcome.USAGE, usage.name()));
        };
    }

    private CompletableFuture<CommandResult> invite(RoomAddress room, InputCommand.Invite invite) {
        boolean can = sessions.capability(room.account(), GroupChat.class)
                .map(g -> g.supports(GroupChat.Feature.INVITE)).orElse(false);
        if (!can) {
            return done(CommandResult.of(Outcome.NOT_SUPPORTED, "invite"));
        }
        return rooms.invite(room, new ContactAddress(room.account(), invite.who()), invite.reason())
                .thenApply(v -> CommandResult.of(Outcome.INVITED, invite.who(), room.name()));
    }

    private CompletableFuture<CommandResult> say(ConversationId where, String text) {
        if (text.isBlank()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a message needs some text"));
        }
        return (where.isRoom() ? rooms.send(where.room(), text) : conversations.send(where, text))
                .thenApply(m -> CommandResult.of(Outcome.SENT));
    }

    /** Empty when the account can do rooms; otherwise the answer that it cannot. */
    private Optional<CompletableFuture<CommandResult>> needsRooms(AccountId account, String command) {
        if (sessions.capability(account, GroupChat.class).isPresent()) {
            return Optional.empty();
        }
        boolean connected = sessions.status(account).state() == org.switchboard.protocol.spi.ConnectionState.CONNECTED;
        return Optional.of(connected ? done(CommandResult.of(Outcome.NOT_SUPPORTED, command))
                : CompletableFuture.failedFuture(new org.switchboard.protocol.spi.ProtocolException(
                        org.switchboard.protocol.spi.ProtocolException.Reason.NOT_CONNECTED,
                        "The account " + account + " is not connected")));
    }

    private static Optional<CompletableFuture<CommandResult>> needsRoom(ConversationId where, String command) {
        return where.isRoom() ? Optional.empty() : Optional.of(done(CommandResult.of(Outcome.NOT_IN_ROOM, command)));
    }

    private static CompletableFuture<CommandResult> done(CommandResult result) {
        return CompletableFuture.completedFuture(result);
    }
}
