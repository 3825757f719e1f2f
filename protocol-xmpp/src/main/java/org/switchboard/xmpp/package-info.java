/** XMPP provider on Smack: filled by the XMPP issue. Depends on protocol-api alone. */
package org.switchboard.xmpp;
