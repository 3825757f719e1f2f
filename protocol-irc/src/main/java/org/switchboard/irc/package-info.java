/** IRC provider on PircBotX: filled by the IRC issue. Depends on protocol-api alone. */
package org.switchboard.irc;
