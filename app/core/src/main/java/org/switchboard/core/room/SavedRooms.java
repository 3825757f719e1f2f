package org.switchboard.core.room;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.store.JsonFiles;
import org.switchboard.protocol.model.AccountId;
import org.switchboard.protocol.model.RoomAddress;

/**
 * The rooms to join again at every connect, per account, in {@code rooms.json}. The file is
 * owner-only because a room's password is kept with it. Core thread only.
 */
final class SavedRooms {

    private static final Logger LOG = LoggerFactory.getLogger(SavedRooms.class);

    /** One remembered room: its name, the nick asked for (may be null) and its password (may be null). */
    record Entry(String name, String nick, String password) {
        Entry {
            Objects.requireNonNull(name, "name");
        }
    }

    private final Path file;
    private final Map<String, List<Entry>> byAccount;

    private SavedRooms(Path file, Map<String, List<Entry>> byAccount) {
        this.file = file;
        this.byAccount = byAccount;
    }

    static SavedRooms open(Path file) throws IOException {
        Map<String, List<Entry>> loaded = new TreeMap<>();
        if (Files.exists(file)) {
            try {
                Map<String, List<Entry>> read = JsonFiles.MAPPER.readValue(file.toFile(),
                        new TypeReference<Map<String, List<Entry>>>() { });
                if (read != null) {
                    read.forEach((account, rooms) -> loaded.put(account, new ArrayList<>(rooms)));
                }
            } catch (IOException e) {
                throw new IOException("Cannot read " + file + ": " + e.getMessage()
                        + ". Fix or move the file; it was left untouched.", e);
            }
        }
        return new SavedRooms(file, loaded);
    }

    Map<RoomAddress, Entry> all() {
        Map<RoomAddress, Entry> result = new LinkedHashMap<>();
        byAccount.forEach((account, rooms) -> rooms.forEach(e ->
                result.put(new RoomAddress(new AccountId(account), e.name()), e)));
        return result;
    }

    List<Entry> of(AccountId account) {
        return List.copyOf(byAccount.getOrDefault(account.value(), List.of()));
    }

    void remember(RoomAddress room, String nick, String password) {
        List<Entry> rooms = byAccount.computeIfAbsent(room.account().value(), a -> new ArrayList<>());
        rooms.removeIf(e -> e.name().equals(room.name()));
        rooms.add(new Entry(room.name(), nick, password));
        save();
    }

    void forget(RoomAddress room) {
        List<Entry> rooms = byAccount.get(room.account().value());
        if (rooms != null && rooms.removeIf(e -> e.name().equals(room.name()))) {
            if (rooms.isEmpty()) {
                byAccount.remove(room.account().value());
            }
            save();
        }
    }

    void forget(AccountId account) {
        if (byAccount.remove(account.value()) != null) {
            save();
        }
    }

    boolean contains(RoomAddress room) {
        return byAccount.getOrDefault(room.account().value(), List.of()).stream()
                .anyMatch(e -> e.name().equals(room.name()));
    }

    private void save() {
        try {
            JsonFiles.write(file, new TreeMap<>(byAccount), true);
        } catch (IOException e) {
            LOG.error("saving the rooms to rejoin to {} failed", file, e);
        }
    }
}
