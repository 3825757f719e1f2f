package org.switchboard.desktop.history;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.history.SearchHit;
import org.switchboard.core.history.TextRange;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.protocol.model.Direction;

/** One search result: who said it, in which conversation and when, and the snippet with the matches marked. */
final class SearchResultCell extends ListCell<SearchHit> {

    static final int SNIPPET_WIDTH = 90;

    private final I18n i18n;
    private final Function<ConversationId, String> titles;
    private final DateTimeFormatter time;
    private final Label heading = new Label();
    private final TextFlow snippet = new TextFlow();
    private final VBox box = new VBox(2, heading, snippet);

    SearchResultCell(I18n i18n, Function<ConversationId, String> titles) {
        this.i18n = i18n;
        this.titles = titles;
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(i18n.locale()).withZone(ZoneId.systemDefault());
        heading.getStyleClass().add("search-result-heading");
        snippet.getStyleClass().add("search-snippet");
        box.getStyleClass().add("search-result");
    }

    @Override
    protected void updateItem(SearchHit hit, boolean empty) {
        super.updateItem(hit, empty);
        setText(null);
        if (empty || hit == null) {
            setGraphic(null);
            return;
        }
        String peer = titles.apply(hit.message().conversation());
        String who = hit.message().direction() == Direction.OUTGOING ? i18n.text("search.me")
                : hit.message().sender() != null ? hit.message().sender() : peer;
        heading.setText(i18n.text("search.result.heading", who, peer, time.format(hit.message().timestamp())));
        SearchHit.Snippet piece = hit.snippet(SNIPPET_WIDTH);
        snippet.getChildren().setAll(texts(piece));
        setGraphic(box);
        setAccessibleText(who + ": " + hit.message().body());
    }

    /** Plain and highlighted runs, in order; overlapping highlights are merged rather than shown twice. */
    private static List<Text> texts(SearchHit.Snippet piece) {
        List<Text> runs = new java.util.ArrayList<>();
        String text = piece.text();
        if (piece.cutBefore()) {
            runs.add(plain("…"));
        }
        int at = 0;
        for (TextRange range : piece.highlights().stream().sorted(Comparator.comparingInt(TextRange::start)).toList()) {
            int start = Math.max(range.start(), at);
            int end = Math.min(range.end(), text.length());
            if (start >= end) {
                continue;
            }
            if (start > at) {
                runs.add(plain(text.substring(at, start)));
            }
            Text match = new Text(text.substring(start, end));
            match.getStyleClass().addAll("search-snippet-text", "search-match");
            runs.add(match);
            at = end;
        }
        if (at < text.length()) {
            runs.add(plain(text.substring(at)));
        }
        if (piece.cutAfter()) {
            runs.add(plain("…"));
        }
        return runs;
    }

    private static Text plain(String s) {
        Text text = new Text(s);
        text.getStyleClass().add("search-snippet-text");
        return text;
    }
}
