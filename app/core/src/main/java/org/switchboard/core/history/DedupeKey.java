package org.switchboard.core.history;

/**
 * The 64-bit key a message is de-duplicated by: FNV-1a over the conversation key and the client
 * id, then MurmurHash3's finaliser to spread the bits. Stored in every row and in
 * {@code message_keys}, so it must never change; a collision is handled exactly
 * ({@link MessageInserter}), so the hash need not be cryptographic.
 */
final class DedupeKey {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private DedupeKey() {
    }

    static long of(String conversationKey, String clientId) {
        long h = OFFSET;
        h = mix(h, conversationKey);
        // A separator no key contains keeps ("ab", "c") apart from ("a", "bc").
        h = (h ^ 0xFFFF) * PRIME;
        h = mix(h, clientId);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * PRIME;
        }
        return h;
    }
}
