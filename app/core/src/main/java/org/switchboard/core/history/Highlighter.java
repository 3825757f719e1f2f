package org.switchboard.core.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
            List<String> phrase = phrases.get(p).stream().map(IndexText::fold).toList();
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
        IndexText.forEachToken(body, (start, end) ->
                tokens.add(new Token(IndexText.fold(body.substring(start, end)), start, end)));
        return tokens;
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
