package org.switchboard.core.history;

/** What an export writes: readable offline (HTML), complete (JSON), or plain text. */
public enum ExportFormat {
    HTML("html"), JSON("json"), TEXT("txt");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
