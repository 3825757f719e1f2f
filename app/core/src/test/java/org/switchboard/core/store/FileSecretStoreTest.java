package org.switchboard.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.protocol.model.AccountId;

class FileSecretStoreTest {

    @TempDir
    Path dir;

    @Test
    void aStoreThatNeverHeldASecretOpensAgain() throws IOException {
        Path file = dir.resolve("secrets.json");
        FileSecretStore.open(file);

        FileSecretStore again = FileSecretStore.open(file);

        assertThat(again.get(new AccountId("a"))).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void anEmptyFileLeftByAnEarlierVersionCountsAsNoSecrets() throws IOException {
        Path file = Files.createFile(dir.resolve("secrets.json"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));

        assertThat(FileSecretStore.open(file).get(new AccountId("a"))).isEmpty();
    }

    @Test
    void secretsSurviveAReopen() throws IOException {
        Path file = dir.resolve("secrets.json");
        FileSecretStore.open(file).put(new AccountId("a"), Map.of("password", "s3cret 密码"));

        assertThat(FileSecretStore.open(file).get(new AccountId("a"))).containsEntry("password", "s3cret 密码");
    }

    @Test
    void aDamagedFileIsReportedAndLeftAsItWas() throws IOException {
        Path file = dir.resolve("secrets.json");
        Files.writeString(file, "{\"a\": {\"password\": ");

        assertThatThrownBy(() -> FileSecretStore.open(file)).isInstanceOf(IOException.class)
                .hasMessageContaining("left untouched");
        assertThat(Files.readString(file)).isEqualTo("{\"a\": {\"password\": ");
    }
}
