package dev.tunelab.worker;

import dev.tunelab.worker.training.Checkpoint;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Uploads a slot's checkpoints on a thread of their own, so training goes on while the bytes travel
 * (a large network's checkpoint is megabytes, and the upload took as long as writing it). Only the
 * newest checkpoint matters: one that arrives while another waits replaces it, and {@link
 * #discard()} drops the waiting one when its trial ends. Losing a checkpoint costs only time if the
 * attempt dies, as before.
 */
final class CheckpointUploads implements AutoCloseable {
    private final AtomicReference<Checkpoint> waiting = new AtomicReference<>();
    private final ExecutorService thread;
    private final Consumer<Checkpoint> upload;

    CheckpointUploads(String name, Consumer<Checkpoint> upload) {
        this.upload = upload;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    void offer(Checkpoint c) {
        if (waiting.getAndSet(c) == null) thread.execute(this::uploadWaiting);
    }

    private void uploadWaiting() {
        Checkpoint c = waiting.getAndSet(null);
        if (c != null) upload.accept(c);
    }

    /** Forgets a checkpoint not yet being uploaded. */
    void discard() {
        waiting.set(null);
    }

    @Override
    public void close() {
        discard();
        thread.shutdown();
    }
}
