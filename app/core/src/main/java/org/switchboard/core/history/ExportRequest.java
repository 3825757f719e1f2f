package org.switchboard.core.history;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.switchboard.core.conversation.ConversationId;

/** One conversation, or (when {@code conversation} is empty) the whole history, to a file. */
public record ExportRequest(Optional<ConversationId> conversation, ExportFormat format, Path target) {
    public ExportRequest {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(target, "target");
    }

    public static ExportRequest everything(ExportFormat format, Path target) {
        return new ExportRequest(Optional.empty(), format, target);
    }

    public static ExportRequest of(ConversationId conversation, ExportFormat format, Path target) {
        return new ExportRequest(Optional.of(conversation), format, target);
    }
}
