package org.switchboard.core.event;

/**
 * Receives the core's changes.
 *
 * <p>Threading: called on the core's single event thread, in the order the changes happened,
 * never on the JavaFX thread. Return quickly; the desktop's one FX adapter batches what it
 * receives here onto the FX thread.
 */
@FunctionalInterface
public interface CoreListener {

    void onCoreEvent(CoreEvent event);
}
