package org.switchboard.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.desktop.ui.FxWait.onFx;
import static org.switchboard.desktop.ui.FxWait.until;

import java.nio.file.Path;
import java.nio.file.Files;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.switchboard.core.conversation.StoredMessage;
import org.switchboard.core.history.ExportFormat;
import org.switchboard.core.history.SearchHit;
import org.switchboard.protocol.model.Direction;

/**
 * History search and find, in the real window: a message to xiaoming (whose reply quotes it) is
 * found by two of its Chinese characters, shown with the match marked, and Enter opens the
 * conversation with that message selected. Ctrl+F finds within the open conversation; Export…
 * writes it to a file.
 */
class SearchUiTest extends AppUiTest {

    private static final String SENT = "周末一起去爬长城吧";
    private static final String PART = "长城";


    @SuppressWarnings("unchecked")
    private ListView<SearchHit> results() {
        return robot.lookup("#searchResults").queryAs(ListView.class);
    }

    private void startAndSendToXiaoming() throws Exception {
        launch("--demo", "on", "--language", "en");
        openChatWith("xiaoming");
        robot.clickOn("#messageInput").write(SENT);
        robot.type(KeyCode.ENTER);
        until(30, () -> messages().getItems().stream()
                .anyMatch(m -> m.message() != null && m.message().direction() == Direction.INCOMING
                        && m.body().contains(SENT)));
    }

    @Test
    void findsAMessageByTwoChineseCharactersAndOpensTheConversationAtIt() throws Exception {
        startAndSendToXiaoming();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.F).release(KeyCode.SHIFT, KeyCode.CONTROL);
        until(10, () -> robot.lookup("#searchField").tryQuery().map(n -> n.isFocused()).orElse(false));
        robot.clickOn("#searchField").write(PART);

        // Both the sent message and the reply quoting it are found, newest first.
        until(10, () -> results().getItems().size() == 2);
        until(10, () -> robot.lookup(".search-match").match((Text t) -> PART.equals(t.getText()))
                .queryAll().size() == 2);
        SearchHit first = onFx(() -> results().getSelectionModel().getSelectedItem());
        assertThat(first.message().body()).contains(SENT);
        assertThat(first.message().direction()).isEqualTo(Direction.INCOMING);

        robot.type(KeyCode.ENTER);

        until(10, () -> first.message().seq() == selectedSeq());
        assertThat(onFx(() -> tabs().getSelectionModel().getSelectedItem().getText())).isEqualTo("xiaoming");
    }

    private long selectedSeq() {
        var line = messages().getSelectionModel().getSelectedItem();
        StoredMessage selected = line == null ? null : line.message();
        return selected == null ? -1 : selected.seq();
    }

    @Test
    void ctrlFStepsThroughTheMatchingMessagesOfTheConversation() throws Exception {
        startAndSendToXiaoming();
        int sent = onFx(() -> indexOf(Direction.OUTGOING));
        int reply = onFx(() -> indexOf(Direction.INCOMING));

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        until(10, () -> robot.lookup("#findField").tryQuery().map(n -> n.isFocused()).orElse(false));
        robot.write(PART);
        until(10, () -> messages().getSelectionModel().getSelectedIndex() == sent);

        robot.type(KeyCode.ENTER);
        until(10, () -> messages().getSelectionModel().getSelectedIndex() == reply);
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        until(10, () -> messages().getSelectionModel().getSelectedIndex() == sent);

        robot.type(KeyCode.ESCAPE);
        until(10, () -> robot.lookup("#findBar").tryQuery().isEmpty());
    }

    @Test
    void exportsTheOpenConversationFromTheHistoryMenu() throws Exception {
        startAndSendToXiaoming();
        Path target = profile.resolve("xiaoming.txt");

        robot.clickOn("History").clickOn("Export…");
        until(10, () -> robot.lookup("#exportDialog").tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#exportThisConversation").queryAs(RadioButton.class).isSelected()))
                .isTrue();
        onFx(() -> {
            robot.lookup("#exportFormat").queryAs(ChoiceBox.class).setValue(ExportFormat.TEXT);
            return null;
        });
        robot.clickOn("#exportFile").write(target.toString());
        robot.clickOn("#exportStart");

        until(30, () -> robot.lookup("#exportResult").queryLabeled().getText().startsWith("Exported"));
        assertThat(Files.readString(target)).contains(SENT);
    }

    /** On the FX thread only. */
    private int indexOf(Direction direction) {
        var items = messages().getItems();
        for (int i = 0; i < items.size(); i++) {
            StoredMessage m = items.get(i).message();
            if (m != null && m.direction() == direction && m.body().contains(SENT)) {
                return i;
            }
        }
        return -1;
    }
}
