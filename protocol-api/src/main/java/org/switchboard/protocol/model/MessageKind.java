package org.switchboard.protocol.model;

/**
 * How a message is meant. An action ({@code /me waves}) is a CHAT message whose body starts with
 * {@code "/me "}, as XEP-0245 has it; a provider turns its network's form (IRC's CTCP ACTION)
 * into that and back.
 */
public enum MessageKind {
    /** Written by a person to be read as conversation. */
    CHAT,
    /** An IRC NOTICE or a service's message: shown, never answered automatically. */
    NOTICE
}
