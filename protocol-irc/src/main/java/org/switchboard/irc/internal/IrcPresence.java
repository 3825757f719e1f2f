package org.switchboard.irc.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.switchboard.protocol.model.Availability;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.PresenceStatus;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;
import org.switchboard.protocol.spi.capability.Presence;

/**
 * The user's own presence, as IRC has it: here, or away with a message ({@code AWAY}). AWAY,
 * EXTENDED_AWAY and DO_NOT_DISTURB all become IRC away (with the status text, or the
 * availability's name when there is none); ONLINE and CHAT clear it. Kept across reconnects.
 */
final class IrcPresence implements Presence {

    private final IrcSession session;
    private volatile PresenceStatus own = PresenceStatus.ONLINE;

    IrcPresence(IrcSession session) {
        this.session = session;
    }

    void attach(Link link) {
        String line = awayLine(own);
        if (line.length() > "AWAY".length()) {
            link.sendQuietly(line);
        }
    }

    @Override
    public CompletableFuture<Void> setOwn(PresenceStatus status) {
        if (status.availability() == Availability.OFFLINE) {
            return CompletableFuture.failedFuture(new ProtocolException(Reason.INVALID_INPUT,
                    "IRC has no invisible presence: disconnect instead"));
        }
        try {
            Link link = session.live();
            own = status;
            return link.send(List.of(awayLine(status)), null);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String awayLine(PresenceStatus status) {
        return switch (status.availability()) {
            case ONLINE, CHAT, OFFLINE -> "AWAY";
            case AWAY, EXTENDED_AWAY, DO_NOT_DISTURB -> {
                String text = IrcGroupChat.oneLine(status.statusText());
                yield "AWAY :" + (text.isEmpty() ? label(status.availability()) : text);
            }
        };
    }

    private static String label(Availability availability) {
        return switch (availability) {
            case EXTENDED_AWAY -> "Extended away";
            case DO_NOT_DISTURB -> "Do not disturb";
            default -> "Away";
        };
    }

    @Override
    public PresenceStatus own() {
        return own;
    }

    @Override
    public PresenceStatus of(ContactAddress contact) {
        return session.friends.presenceOf(contact);
    }
}
