/**
 * The XMPP provider, on Smack 4.4: {@link org.switchboard.xmpp.XmppProvider} makes sessions; each
 * capability (roster, presence, messaging, rooms, archive, …) is a class of its own, wired by the
 * session. Smack's threads never call the app: they turn what they see into immutable events,
 * which one thread per session hands to the app's listener in order.
 */
package org.switchboard.xmpp;
