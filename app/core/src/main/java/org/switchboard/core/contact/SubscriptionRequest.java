package org.switchboard.core.contact;

import org.switchboard.protocol.model.ContactAddress;

/** Someone asks to see the user's presence. */
public record SubscriptionRequest(ContactAddress from, String text) {
}
