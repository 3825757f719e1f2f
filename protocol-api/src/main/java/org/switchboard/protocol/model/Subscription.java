package org.switchboard.protocol.model;

/** Whose presence each side may see, as in RFC 6121. */
public enum Subscription {
    /** Neither side sees the other; a request may be pending. */
    NONE,
    /** We asked to see them and wait for their answer. */
    PENDING_OUT,
    /** We see their presence; they do not see ours. */
    TO,
    /** They see our presence; we do not see theirs. */
    FROM,
    /** Both see each other. */
    BOTH
}
