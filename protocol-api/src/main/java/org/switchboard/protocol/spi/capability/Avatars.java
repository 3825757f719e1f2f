package org.switchboard.protocol.spi.capability;

import java.util.Optional;
import org.switchboard.protocol.model.ContactAddress;

/**
 * Contacts' pictures (XMPP XEP-0084 / XEP-0153). The provider fetches them when a contact
 * announces a new one and reports {@code AvatarChanged}; {@link #of} returns the last known.
 */
public interface Avatars extends Capability {

    /** The last known picture of a contact: PNG, JPEG or GIF bytes. */
    Optional<byte[]> of(ContactAddress contact);
}
