package org.switchboard.desktop.history;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.switchboard.core.history.ExportJob;
import org.switchboard.core.history.ExportRequest;
import org.switchboard.core.history.HistoryService;
import org.switchboard.desktop.fx.FxEventBridge;

/**
 * One export at a time: its progress (0..1, or indeterminate until the total is known) and how it
 * ended. UI thread only; the job reports on its own thread, so progress hops through the bridge.
 */
public final class ExportViewModel {

    /** How an export ended. */
    public sealed interface Outcome {
        record Done(ExportJob.Result result) implements Outcome {
        }

        record Cancelled() implements Outcome {
        }

        record Failed(String reason) implements Outcome {
        }
    }

    private final HistoryService history;
    private final FxEventBridge bridge;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private ExportJob job;

    public ExportViewModel(HistoryService history, FxEventBridge bridge) {
        this.history = history;
        this.bridge = bridge;
    }

    public void start(ExportRequest request) {
        if (running.get()) {
            return;
        }
        running.set(true);
        outcome.set(null);
        progress.set(-1);
        ExportJob started = history.export(request, (written, total) -> bridge.fx().execute(() -> {
            if (running.get() && total > 0) {
                progress.set(Math.min(1, (double) written / total));
            }
        }));
        job = started;
        started.done().whenCompleteAsync((result, failure) -> {
            running.set(false);
            job = null;
            if (failure == null) {
                progress.set(1);
                outcome.set(new Outcome.Done(result));
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                progress.set(0);
                outcome.set(cause instanceof CancellationException ? new Outcome.Cancelled()
                        : new Outcome.Failed(String.valueOf(cause.getMessage())));
            }
        }, bridge.fx());
    }

    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    public ReadOnlyDoubleProperty progress() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty running() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Outcome> outcome() {
        return outcome.getReadOnlyProperty();
    }
}
