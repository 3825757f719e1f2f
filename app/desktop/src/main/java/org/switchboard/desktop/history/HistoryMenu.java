package org.switchboard.desktop.history;

import java.util.Optional;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.switchboard.desktop.chat.ChatViewModel;
import org.switchboard.desktop.i18n.I18n;
import org.switchboard.desktop.main.MainViewModel;

/** The History menu of the main window: search (Ctrl+Shift+F) and export. */
public final class HistoryMenu {

    private final MainViewModel main;
    private final I18n i18n;
    private final Stage owner;
    private SearchWindow search;

    public HistoryMenu(MainViewModel main, I18n i18n, Stage owner) {
        this.main = main;
        this.i18n = i18n;
        this.owner = owner;
    }

    public Menu menu() {
        MenuItem searchItem = new MenuItem(i18n.text("menu.searchHistory"));
        searchItem.setId("menuSearchHistory");
        searchItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+F"));
        searchItem.setOnAction(e -> showSearch());
        MenuItem export = new MenuItem(i18n.text("menu.exportHistory"));
        export.setId("menuExportHistory");
        export.setOnAction(e -> showExport());
        return new Menu(i18n.text("menu.history"), null, searchItem, export);
    }

    /** One search window per main window, kept with its query when hidden. */
    public void showSearch() {
        if (search == null) {
            search = new SearchWindow(main, i18n, owner);
        }
        search.show();
    }

    public void showExport() {
        ChatViewModel chat = main.selectedChat().get();
        new ExportDialog(new ExportViewModel(main.core().history(), main.bridge()), i18n, owner,
                Optional.ofNullable(chat).map(ChatViewModel::conversation),
                chat == null ? "" : chat.title().get()).show();
    }
}
