package org.switchboard.desktop.roster;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import org.switchboard.core.contact.Contact;
import org.switchboard.core.contact.ContactService;

/**
 * Contacts' pictures as images for the list: decoded on a thread of their own (never the UI's),
 * scaled once to the size the list draws, and kept by picture id. The map is touched on the UI
 * thread only.
 */
public final class AvatarImages implements AutoCloseable {

    /** Twice the drawn size, so that the picture stays sharp on a high-density screen. */
    private static final double DECODED_SIZE = 56;

    private final ContactService contacts;
    private final Executor fx;
    private final ExecutorService decoder = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("switchboard-avatar-decoder").daemon(true).factory());
    private final Map<String, Image> images = new HashMap<>();

    public AvatarImages(ContactService contacts, Executor fx) {
        this.contacts = contacts;
        this.fx = fx;
    }

    /**
     * Hands the contact's picture to {@code show} on the UI thread: at once when it was decoded
     * before, else once decoded. Nothing happens for a contact without a picture or one that
     * does not decode.
     */
    public void request(Contact contact, Consumer<Image> show) {
        String id = contact.avatarId();
        if (id.isEmpty()) {
            return;
        }
        Image known = images.get(id);
        if (known != null) {
            show.accept(known);
            return;
        }
        CompletableFuture.supplyAsync(() -> contacts.avatar(contact.address()).map(bytes ->
                        new Image(new ByteArrayInputStream(bytes), DECODED_SIZE, DECODED_SIZE, true, true))
                .filter(image -> !image.isError()).orElse(null), decoder)
                .thenAcceptAsync(image -> {
                    if (image != null) {
                        images.put(id, image);
                        show.accept(image);
                    }
                }, fx);
    }

    @Override
    public void close() {
        decoder.shutdownNow();
    }
}
