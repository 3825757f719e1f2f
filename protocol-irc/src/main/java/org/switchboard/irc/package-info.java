/**
 * The IRC provider. PircBotX 2.1 carries the connection (socket, line reading and writing);
 * the provider parses every line itself ({@code internal.IrcLine}) because PircBotX's own
 * parser loses IRCv3 tags, hangs on InspIRCd's SASL and reports no away changes. Depends on
 * protocol-api alone.
 */
package org.switchboard.irc;
