package org.switchboard.xmpp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jxmpp.jid.EntityBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.protocol.event.ProtocolEvent.AvatarChanged;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.spi.capability.Avatars;

/**
 * vCard-based avatars (XEP-0153): contacts announce their picture's SHA-1 in presence; a new hash
 * makes the session fetch the vCard (off Smack's threads) and report {@code AvatarChanged}.
 */
final class XmppAvatars implements Avatars, SessionPart {

    private static final Logger LOG = LoggerFactory.getLogger(XmppAvatars.class);
    private static final String UPDATE_NAMESPACE = "vcard-temp:x:update";

    private final XmppSession session;
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final Map<String, byte[]> images = new ConcurrentHashMap<>();

    XmppAvatars(XmppSession session) {
        this.session = session;
    }

    @Override
    public void attach(XMPPTCPConnection connection) {
        connection.addAsyncStanzaListener(stanza -> onPresence((Presence) stanza), StanzaTypeFilter.PRESENCE);
    }

    private void onPresence(Presence presence) {
        if (presence.getFrom() == null || presence.getFrom().asEntityBareJidIfPossible() == null) {
            return;
        }
        if (!(presence.getExtensionElement("x", UPDATE_NAMESPACE) instanceof StandardExtensionElement update)) {
            return;
        }
        StandardExtensionElement photo = update.getFirstElement("photo");
        if (photo == null) {
            // No <photo/> means the client does not know yet: nothing to learn.
            return;
        }
        EntityBareJid contact = presence.getFrom().asEntityBareJidIfPossible();
        if (session.rooms.isRoom(contact) || contact.equals(session.ownJid())) {
            return;
        }
        String hash = photo.getText() == null ? "" : photo.getText().strip();
        String before = hashes.put(contact.toString(), hash);
        if (hash.equals(before)) {
            return;
        }
        ContactAddress address = session.address(contact);
        if (hash.isEmpty()) {
            images.remove(address.handle());
            session.emit(new AvatarChanged(session.account(), address, new byte[0]));
            return;
        }
        session.call(c -> VCardManager.getInstanceFor(c).loadVCard(contact)).thenAccept(vcard -> report(address, vcard))
                .exceptionally(e -> {
                    hashes.remove(contact.toString(), hash);
                    LOG.debug("No vCard of {}: {}", contact, e.getMessage());
                    return null;
                });
    }

    private void report(ContactAddress address, VCard vcard) {
        byte[] image = vcard.getAvatar();
        if (image == null) {
            image = new byte[0];
        }
        images.put(address.handle(), image);
        session.emit(new AvatarChanged(session.account(), address, image.clone()));
    }

    @Override
    public Optional<byte[]> of(ContactAddress contact) {
        byte[] image = images.get(contact.handle());
        return image == null || image.length == 0 ? Optional.empty() : Optional.of(image.clone());
    }
}
