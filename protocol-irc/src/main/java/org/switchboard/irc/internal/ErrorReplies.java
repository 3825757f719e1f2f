package org.switchboard.irc.internal;

import java.util.Set;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;

/**
 * Error numerics that refuse a line the user sent, turned into a failure of that line's future:
 * the numeric names the target (a nick or a channel), and the oldest unconfirmed line to it fails.
 */
final class ErrorReplies {

    /** Numerics whose second parameter names the refused target. */
    static final Set<String> REFUSING = Set.of("401", "403", "404", "405", "406", "442", "471", "473", "474",
            "475", "477", "482", "489", "437");

    private ErrorReplies() {
    }

    static void route(Link link, IrcLine line) {
        if (REFUSING.contains(line.command())) {
            String target = line.param(1);
            link.refused(link.fold(target), new ProtocolException(Reason.REJECTED, describe(line)));
        } else if (line.command().equals("443")) {
            link.refused(link.fold(line.param(2)), new ProtocolException(Reason.REJECTED, describe(line)));
        }
    }

    /** A readable sentence for an error numeric: the target and the server's words. */
    static String describe(IrcLine line) {
        String target = line.command().equals("443") ? line.param(1) + " " + line.param(2) : line.param(1);
        String why = switch (line.command()) {
            case "401" -> "is not on the network";
            case "403" -> "no such channel";
            case "404" -> "cannot send to this channel";
            case "442" -> "you are not in this channel";
            case "443" -> "is already in the channel";
            case "471" -> "the channel is full";
            case "473" -> "the channel is invite only";
            case "474" -> "you are banned from the channel";
            case "475" -> "wrong channel key";
            case "482" -> "you need to be a channel operator";
            default -> "";
        };
        String server = IrcText.strip(line.last());
        return target + ": " + (why.isEmpty() ? server : why + " (" + server + ")");
    }
}
