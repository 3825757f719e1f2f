package org.switchboard.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the user typed into an FTS5 MATCH expression that cannot be a syntax error: every
 * term becomes a quoted phrase of index tokens, so quotes, {@code *}, {@code (}, {@code :},
 * {@code -}, AND, OR, NOT and NEAR are searched as text (or ignored as punctuation), never
 * obeyed. Text in double quotes stays one phrase. The last Latin word is a prefix, so results
 * appear while the user is still typing it.
 *
 * @param match the MATCH expression
 * @param terms the tokens to highlight, each phrase as one string of its tokens
 */
record FtsQuery(String match, List<List<String>> terms) {

    static Optional<FtsQuery> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        List<List<String>> phrases = new ArrayList<>();
        for (String part : userTerms(typed)) {
            List<String> tokens = IndexText.tokens(part);
            if (!tokens.isEmpty()) {
                phrases.add(tokens);
            }
        }
        if (phrases.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder match = new StringBuilder();
        boolean endsTyping = !typed.isEmpty() && !Character.isWhitespace(typed.charAt(typed.length() - 1))
                && typed.charAt(typed.length() - 1) != '"';
        for (int i = 0; i < phrases.size(); i++) {
            List<String> tokens = phrases.get(i);
            if (i > 0) {
                match.append(' ');
            }
            match.append('"').append(String.join(" ", tokens)).append('"');
            String last = tokens.getLast();
            boolean prefix = endsTyping && i == phrases.size() - 1
                    && !IndexText.isCjk(last.codePointAt(0)) && last.codePointCount(0, last.length()) >= 2;
            if (prefix) {
                match.append('*');
            }
        }
        return Optional.of(new FtsQuery(match.toString(), List.copyOf(phrases)));
    }

    /** Whitespace-separated terms, except that text between double quotes is one term. */
    private static List<String> userTerms(String typed) {
        List<String> terms = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                flush(current, terms);
            } else if (!quoted && Character.isWhitespace(c)) {
                flush(current, terms);
            } else {
                current.append(c);
            }
        }
        flush(current, terms);
        return terms;
    }

    private static void flush(StringBuilder current, List<String> terms) {
        if (!current.isEmpty()) {
            terms.add(current.toString());
            current.setLength(0);
        }
    }
}
