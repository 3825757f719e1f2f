package org.switchboard.protocol.spi.capability;

/**
 * Marker of an optional feature of a session, asked for with
 * {@link org.switchboard.protocol.spi.ProtocolSession#capability(Class)}. Capabilities'
 * methods may be called from any thread; their futures complete on the provider's threads,
 * so callers must not block inside a completion stage.
 */
public interface Capability {
}
