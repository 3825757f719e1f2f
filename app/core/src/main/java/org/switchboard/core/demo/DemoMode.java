package org.switchboard.core.demo;

/** Whether the app runs the local demo: an embedded native server with answering contacts. */
public enum DemoMode {
    /** Run it when a demo account exists, or when no account is configured at all (first start). */
    AUTO,
    /** Always run it (creating the demo account if needed). */
    ON,
    /** Never run it. */
    OFF
}
