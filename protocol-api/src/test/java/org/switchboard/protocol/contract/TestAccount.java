package org.switchboard.protocol.contract;

import org.switchboard.protocol.spi.AccountConfig;

/**
 * A throw-away account on the server under test.
 *
 * @param handle         how other users address this user on the network
 * @param config         a valid configuration, password included
 * @param wrongPassword  the same configuration with a password the server must refuse
 */
public record TestAccount(String handle, AccountConfig config, AccountConfig wrongPassword) {
}
