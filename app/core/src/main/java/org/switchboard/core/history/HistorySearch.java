package org.switchboard.core.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.switchboard.core.conversation.ConversationId;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.protocol.model.AccountId;

/** The SQL behind {@link HistoryService#search}: FTS5 on the outside, newest first, stopping at the limit. */
final class HistorySearch {

    private static final String COLUMNS = Arrays.stream(MessageRows.COLUMNS.split(","))
            .map(c -> "m." + c.strip()).collect(Collectors.joining(", "));

    private HistorySearch() {
    }

    static List<SearchHit> run(Connection c, SearchQuery query) throws SQLException {
        Optional<FtsQuery> parsed = FtsQuery.parse(query.text());
        if (parsed.isEmpty()) {
            return List.of();
        }
        FtsQuery fts = parsed.get();
        // CROSS JOIN keeps the index as the outer loop: it yields rowids newest first, so a
        // common word stops after `limit` rows instead of reading every match.
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM search.messages_fts f CROSS JOIN messages m ON m.seq = f.rowid WHERE f.messages_fts MATCH ?");
        List<Object> args = new ArrayList<>();
        args.add(fts.match());
        if (!query.conversations().isEmpty()) {
            sql.append(" AND m.conversation IN (").append(marks(query.conversations().size())).append(')');
            query.conversations().stream().map(ConversationId::key).forEach(args::add);
        }
        if (!query.accounts().isEmpty()) {
            sql.append(" AND m.account IN (").append(marks(query.accounts().size())).append(')');
            query.accounts().stream().map(AccountId::value).forEach(args::add);
        }
        if (query.from() != null) {
            sql.append(" AND m.timestamp_ms >= ?");
            args.add(query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND m.timestamp_ms < ?");
            args.add(query.to().toEpochMilli());
        }
        sql.append(" ORDER BY f.rowid DESC LIMIT ?");
        args.add(query.limit());
        List<SearchHit> hits = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StoredMessage m = MessageRows.read(rs);
                    hits.add(new SearchHit(m, Highlighter.ranges(m.body(), fts)));
                }
            }
        }
        return hits;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
