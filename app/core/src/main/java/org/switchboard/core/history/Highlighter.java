package org.switchboard.core.history;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds where a query's phrases occur in a body, token by token as the index matched them:
 * case and diacritics folded, the final token of the last phrase matched as a prefix.
 */
final class Highlighter {

    private record Token(String folded, int start, int end) {
    }

    private Highlighter() {
    }

    static List<TextRange> ranges(String body, FtsQuery query) {
        List<Token> tokens = tokens(body);
        List<TextRange> ranges = new ArrayList<>();
        List<List<String>> phrases = query.terms();
        for (int p = 0; p < phrases.size(); p++) {
            List<String> phrase = phrases.get(p).stream().map(Highlighter::fold).toList();
            boolean prefixLast = p == phrases.size() - 1 && query.match().endsWith("*");
            for (int i = 0; i + phrase.size() <= tokens.size(); i++) {
                if (matchesAt(tokens, i, phrase, prefixLast)) {
                    ranges.add(new TextRange(tokens.get(i).start(), tokens.get(i + phrase.size() - 1).end()));
                }
            }
        }
        return merge(ranges);
    }

    private static boolean matchesAt(List<Token> tokens, int at, List<String> phrase, boolean prefixLast) {
        for (int k = 0; k < phrase.size(); k++) {
            String token = tokens.get(at + k).folded();
            boolean last = k == phrase.size() - 1;
            boolean ok = last && prefixLast ? token.startsWith(phrase.get(k)) : token.equals(phrase.get(k));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static List<Token> tokens(String body) {
        List<Token> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < body.length(); ) {
            int cp = body.codePointAt(i);
            int width = Character.charCount(cp);
            boolean tokenChar = IndexText.isTokenChar(cp);
            boolean cjk = IndexText.isCjk(cp);
            if (start >= 0 && (!tokenChar || cjk)) {
                tokens.add(new Token(fold(body.substring(start, i)), start, i));
                start = -1;
            }
            if (cjk) {
                tokens.add(new Token(fold(body.substring(i, i + width)), i, i + width));
            } else if (tokenChar && start < 0) {
                start = i;
            }
            i += width;
        }
        if (start >= 0) {
            tokens.add(new Token(fold(body.substring(start)), start, body.length()));
        }
        return tokens;
    }

    /** Lower case without diacritics, as unicode61 with remove_diacritics 2 compares. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<TextRange> merge(List<TextRange> ranges) {
        List<TextRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(TextRange::start));
        List<TextRange> merged = new ArrayList<>();
        for (TextRange r : sorted) {
            if (!merged.isEmpty() && r.start() <= merged.getLast().end()) {
                TextRange last = merged.removeLast();
                merged.add(new TextRange(last.start(), Math.max(last.end(), r.end())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }
}
