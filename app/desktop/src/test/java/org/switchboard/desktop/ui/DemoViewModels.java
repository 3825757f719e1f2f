package org.switchboard.desktop.ui;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.switchboard.core.CoreOptions;
import org.switchboard.core.SwitchboardCore;
import org.switchboard.core.contact.Person;
import org.switchboard.core.demo.DemoMode;
import org.switchboard.core.profile.Profile;
import org.switchboard.desktop.main.MainViewModel;

/**
 * The main view model over a real core in demo mode, on a stand-in UI thread: what the view-model
 * tests drive without JavaFX.
 */
public final class DemoViewModels implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final SwitchboardCore core;
    private final UiThread ui;
    private final MainViewModel main;

    private DemoViewModels(SwitchboardCore core, UiThread ui, MainViewModel main) {
        this.core = core;
        this.ui = ui;
        this.main = main;
    }

    public static DemoViewModels start(Path profile) throws Exception {
        SwitchboardCore core = SwitchboardCore.open(CoreOptions.of(Profile.inFolder(profile), DemoMode.ON));
        UiThread ui = new UiThread();
        MainViewModel main = ui.call(() -> new MainViewModel(core, ui.bridge()));
        core.subscribe(ui.bridge());
        core.start().get();
        return new DemoViewModels(core, ui, main);
    }

    public SwitchboardCore core() {
        return core;
    }

    public UiThread ui() {
        return ui;
    }

    public MainViewModel main() {
        return main;
    }

    /** Waits until the person with this handle is in the unified list, and returns them. */
    public Person person(String handle) {
        await().atMost(WAIT).until(() -> ui.call(() -> find(handle).isPresent()));
        return ui.call(() -> find(handle).orElseThrow());
    }

    /** On the UI thread only. */
    public Optional<Person> find(String handle) {
        return main.roster().allPeople().stream()
                .filter(p -> p.preferredContact().address().handle().equals(handle)).findFirst();
    }

    @Override
    public void close() throws Exception {
        ui.run(() -> {
            try {
                main.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        core.close();
        ui.close();
    }
}
