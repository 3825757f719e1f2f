package org.switchboard.core.history;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the full-text index sees of a message body: its tokens, folded (lower case, diacritics
 * removed) and separated by single spaces, so FTS5's plain {@code ascii} tokenizer only has to
 * split on spaces. Tokens are runs of letters, numbers and private-use characters; every CJK
 * character (Han, kana, Hangul, Bopomofo) is a token of its own, so a query for any run of those
 * becomes a phrase of single-character tokens and finds it inside longer text (通訊 inside
 * 即時通訊). Index, query and highlighter all tokenize through this class, so they agree by
 * construction. See docs/decisions/0006 and 0010.
 *
 * <p>The index text of a stored row must stay what this class gave when the row was indexed:
 * the index is contentless, and taking a row out of it needs the same tokens. A change to the
 * tokens this class makes needs a migration that rebuilds the index.
 */
public final class IndexText {

    private IndexText() {
    }

    /** The body's folded tokens, separated by single spaces. */
    public static String of(String body) {
        StringBuilder out = new StringBuilder(body.length() + 16);
        forEachToken(body, (start, end) -> {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            appendFolded(out, body, start, end);
        });
        return out.toString();
    }

    /** The folded tokens of a text, as the index holds them. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder one = new StringBuilder();
        forEachToken(text, (start, end) -> {
            one.setLength(0);
            appendFolded(one, text, start, end);
            tokens.add(one.toString());
        });
        return tokens;
    }

    /** Where each token of {@code text} starts and ends (char offsets). */
    interface TokenSink {
        void token(int start, int end);
    }

    static void forEachToken(String text, TokenSink sink) {
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean cjk = isCjk(cp);
            boolean tokenChar = cjk || isTokenChar(cp);
            if (start >= 0 && (!tokenChar || cjk)) {
                sink.token(start, i);
                start = -1;
            }
            if (cjk) {
                sink.token(i, i + width);
            } else if (tokenChar && start < 0) {
                start = i;
            }
            i += width;
        }
        if (start >= 0) {
            sink.token(start, text.length());
        }
    }

    /** Lower case without diacritics: what search compares. */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        appendFolded(out, text, 0, text.length());
        return out.toString();
    }

    /**
     * Appends {@code text[start, end)} folded. ASCII and the CJK unified ideographs have no case
     * and no decomposition, so they skip the normalizer, which costs more than the rest of indexing.
     */
    private static void appendFolded(StringBuilder out, String text, int start, int end) {
        boolean plain = true;
        boolean upper = false;
        for (int i = start; i < end && plain; i++) {
            char c = text.charAt(i);
            plain = c < 0x80 || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF);
            upper |= c >= 'A' && c <= 'Z';
        }
        if (plain && !upper) {
            out.append(text, start, end);
            return;
        }
        if (plain) {
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            }
            return;
        }
        String decomposed = Normalizer.normalize(text.substring(start, end).toLowerCase(Locale.ROOT),
                Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
    }

    public static boolean isCjk(int codePoint) {
        if (codePoint < 0x1100) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO;
    }

    /**
     * Letters, numbers and private-use characters (the categories FTS5's unicode61 tokenizer
     * counts as token characters, L* N* Co); everything else separates tokens.
     */
    static boolean isTokenChar(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
