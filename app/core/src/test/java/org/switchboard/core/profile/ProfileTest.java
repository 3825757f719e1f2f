package org.switchboard.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileTest {

    private final Path home = Path.of("/home/ana");

    @Test
    void usesTheXdgFoldersWhenSet() {
        Profile p = Profile.xdg(Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data"), home);

        assertThat(p.configDir()).isEqualTo(Path.of("/cfg/switchboard"));
        assertThat(p.dataDir()).isEqualTo(Path.of("/data/switchboard"));
        assertThat(p.historyDatabase()).isEqualTo(Path.of("/data/switchboard/history.db"));
        assertThat(p.accountsFile()).isEqualTo(Path.of("/cfg/switchboard/accounts.json"));
    }

    @Test
    void fallsBackToHomeWhenUnsetBlankOrRelative() {
        Profile unset = Profile.xdg(Map.of(), home);
        Profile odd = Profile.xdg(Map.of("XDG_CONFIG_HOME", " ", "XDG_DATA_HOME", "relative/data"), home);

        for (Profile p : new Profile[] {unset, odd}) {
            assertThat(p.configDir()).isEqualTo(Path.of("/home/ana/.config/switchboard"));
            assertThat(p.dataDir()).isEqualTo(Path.of("/home/ana/.local/share/switchboard"));
        }
    }

    @Test
    void oneFolderHoldsEverything() {
        Profile p = Profile.inFolder(Path.of("/tmp/p"));

        assertThat(p.secretsFile()).isEqualTo(Path.of("/tmp/p/secrets.json"));
        assertThat(p.demoServerDir()).isEqualTo(Path.of("/tmp/p/demo-server"));
    }
}
