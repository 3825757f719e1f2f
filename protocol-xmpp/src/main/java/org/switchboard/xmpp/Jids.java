package org.switchboard.xmpp;

import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.switchboard.protocol.model.ContactAddress;
import org.switchboard.protocol.model.RoomAddress;
import org.switchboard.protocol.spi.ProtocolException;
import org.switchboard.protocol.spi.ProtocolException.Reason;

/** Addresses of the SPI as JIDs, refused with INVALID_INPUT when they are not JIDs. */
final class Jids {

    private Jids() {
    }

    static BareJid bare(ContactAddress contact) throws ProtocolException {
        try {
            return JidCreate.bareFrom(contact.handle().strip());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new ProtocolException(Reason.INVALID_INPUT, "\"" + contact.handle() + "\" is not an XMPP address", e);
        }
    }

    static EntityBareJid entity(ContactAddress contact) throws ProtocolException {
        try {
            return JidCreate.entityBareFrom(contact.handle().strip());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new ProtocolException(Reason.INVALID_INPUT, "\"" + contact.handle() + "\" is not an XMPP address", e);
        }
    }

    static EntityBareJid room(RoomAddress room) throws ProtocolException {
        try {
            return JidCreate.entityBareFrom(room.name());
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new ProtocolException(Reason.INVALID_INPUT, "\"" + room.name() + "\" is not a room address", e);
        }
    }
}
