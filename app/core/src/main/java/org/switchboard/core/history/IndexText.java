package org.switchboard.core.history;

import java.util.ArrayList;
import java.util.List;

/**
 * What the full-text index sees of a message body: every CJK character (Han, kana, Hangul)
 * stands alone as its own word, so a query for any run of those characters becomes a phrase of
 * single-character tokens and finds it inside longer text (通訊 inside 即時通訊). Latin and
 * other spaced scripts stay whole words. See docs/decisions/0006.
 */
public final class IndexText {

    private IndexText() {
    }

    /** The body with a space on both sides of each CJK character. */
    public static String of(String body) {
        StringBuilder out = null;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            int width = Character.charCount(cp);
            if (isCjk(cp)) {
                if (out == null) {
                    out = new StringBuilder(body.length() * 2).append(body, 0, i);
                }
                out.append(' ').appendCodePoint(cp).append(' ');
            } else if (out != null) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? body : out.toString();
    }

    public static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO;
    }

    /**
     * Splits text into the tokens the index holds, the way FTS5's unicode61 tokenizer does:
     * runs of letters, numbers and private-use characters (its default categories L* N* Co); everything else separates. CJK characters
     * come out one per token.
     */
    static List<String> tokens(String text) {
        String spaced = of(text);
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < spaced.length(); ) {
            int cp = spaced.codePointAt(i);
            if (isTokenChar(cp)) {
                current.appendCodePoint(cp);
            } else if (!current.isEmpty()) {
                tokens.add(current.toString());
                current.setLength(0);
            }
            i += Character.charCount(cp);
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    static boolean isTokenChar(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
