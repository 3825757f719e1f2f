package org.switchboard.xmpp;

import java.util.Optional;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.blocking.BlockingCommandManager;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.DomainBareJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server announced through service discovery after login. Capabilities are offered
 * according to it: a server without MAM gets no {@code ServerArchive}, and so on.
 */
record ServerFeatures(boolean carbons, boolean archive, boolean blocking, boolean vcard, boolean privateStorage,
                      Optional<DomainBareJid> conferenceService) {

    private static final Logger LOG = LoggerFactory.getLogger(ServerFeatures.class);

    static ServerFeatures discover(XMPPTCPConnection connection) throws Exception {
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(connection);
        boolean carbons = CarbonManager.getInstanceFor(connection).isSupportedByServer();
        boolean archive = MamManager.getInstanceFor(connection).isSupported();
        boolean blocking = BlockingCommandManager.getInstanceFor(connection).isSupportedByServer();
        boolean vcard = disco.serverSupportsFeature("vcard-temp");
        boolean storage = disco.serverSupportsFeature("jabber:iq:private");
        Optional<DomainBareJid> conference = Optional.empty();
        try {
            conference = MultiUserChatManager.getInstanceFor(connection).getMucServiceDomains().stream().findFirst();
        } catch (Exception e) {
            LOG.debug("No conference service found: {}", e.toString());
        }
        return new ServerFeatures(carbons, archive, blocking, vcard, storage, conference);
    }
}
