package org.switchboard.desktop.roster;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.switchboard.core.contact.Person;
import org.switchboard.desktop.dialogs.DialogService;
import org.switchboard.desktop.i18n.I18n;

/**
 * The contact list's context menu: Rename…, Groups…, Remove (asked first), Block or Unblock
 * where the account's server blocks. Built for the person under the pointer when it opens.
 */
public final class ContactMenu {

    private final ContactActions actions;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Executor fx;

    public ContactMenu(ContactActions actions, DialogService dialogs, I18n i18n, Executor fx) {
        this.actions = actions;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.fx = fx;
    }

    /**
     * Gives the list a menu that acts on its selected person (a right click selects first).
     * The items are built when asked for: they depend on the person (Block or Unblock).
     */
    public void attach(ListView<Person> list) {
        ContextMenu menu = new ContextMenu();
        menu.setId("contactMenu");
        list.setOnContextMenuRequested(e -> {
            Person person = list.getSelectionModel().getSelectedItem();
            if (person == null) {
                return;
            }
            menu.getItems().setAll(items(person));
            menu.show(list, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    java.util.List<MenuItem> items(Person person) {
        MenuItem rename = item("contactRename", "contact.menu.rename", () -> dialogs.askText(
                i18n.text("contact.rename.title"), i18n.text("contact.rename.header", person.displayName()),
                person.displayName(), "contactNameField", name -> report(actions.rename(person, name))));
        MenuItem groups = item("contactGroups", "contact.menu.groups", () -> dialogs.askText(
                i18n.text("contact.groups.title"), i18n.text("contact.groups.header", person.displayName()),
                ContactActions.groupsText(person), "contactGroupsField",
                text -> report(actions.setGroups(person, text))));
        MenuItem remove = item("contactRemove", "contact.menu.remove", () -> dialogs.confirm(
                i18n.text("contact.remove.title"), i18n.text("contact.remove.header", person.displayName()),
                "removeContactDialog", yes -> {
                    if (yes) {
                        report(actions.remove(person));
                    }
                }));
        java.util.List<MenuItem> items = new java.util.ArrayList<>(
                java.util.List.of(rename, groups, new SeparatorMenuItem()));
        if (actions.canBlock(person)) {
            boolean blocked = actions.isBlocked(person);
            items.add(item(blocked ? "contactUnblock" : "contactBlock",
                    blocked ? "contact.menu.unblock" : "contact.menu.block",
                    () -> report(actions.setBlocked(person, !blocked))));
        }
        items.add(remove);
        return items;
    }

    private MenuItem item(String id, String key, Runnable action) {
        MenuItem item = new MenuItem(i18n.text(key));
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private void report(CompletableFuture<Void> change) {
        change.exceptionallyAsync(failure -> {
            Throwable t = failure;
            while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException)) {
                t = t.getCause();
            }
            dialogs.showError(i18n.text("contact.change.failed"), String.valueOf(t.getMessage()));
            return null;
        }, fx);
    }
}
