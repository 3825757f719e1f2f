/**
 * The protocol SPI: what a network plugin implements, and how the app drives it.
 *
 * <p><b>Finding providers.</b> The app loads {@link org.switchboard.protocol.spi.ProtocolProvider}
 * implementations with {@link java.util.ServiceLoader}, from its class path and from the jars in
 * the profile's {@code plugins/} folder (one class loader per jar). A provider reports the SPI it
 * was built for with {@code spiVersion()}, implemented as {@code return SpiVersion.CURRENT;}; see
 * {@link org.switchboard.protocol.spi.SpiVersion} for which versions the app accepts.
 *
 * <p><b>Lifecycle.</b> {@code ProtocolProvider.open} makes a
 * {@link org.switchboard.protocol.spi.ProtocolSession} in state DISCONNECTED without I/O;
 * {@code connect()} logs in; {@code disconnect()} logs out and may be followed by another
 * {@code connect()}; {@code close()} ends the session for good. Sessions never reconnect on their
 * own. Optional features are {@link org.switchboard.protocol.spi.capability.Capability capabilities},
 * asked for with {@code capability(Class)}.
 *
 * <p><b>Threading.</b> Session and capability methods may be called from any thread and never
 * block on the network; they return futures completed on the provider's threads. Events go to
 * the {@link org.switchboard.protocol.spi.SessionListener} on the session's own thread, in order,
 * never on the UI thread. Failures are {@link org.switchboard.protocol.spi.ProtocolException}s with
 * a reason for code and a message for people.
 *
 * <p>A guide for plugin authors, with a sample plugin, is {@code docs/plugins.md}; the contract test
 * kit ({@code ProtocolContractTest}, in this module's test-jar) states what every provider must do.
 */
package org.switchboard.protocol.spi;
