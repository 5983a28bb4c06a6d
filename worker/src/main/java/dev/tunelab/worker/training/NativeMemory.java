package dev.tunelab.worker.training;

import org.bytedeco.javacpp.Pointer;

/**
 * Turns off JavaCPP's physical-memory check, which reads the process's resident size from {@code
 * /proc} on every native allocation. ND4J allocates several small native buffers for each op (shape
 * descriptors, views), so on a small network the check alone took about a third of every minibatch
 * (docs/benchmarks.md, "Training speed"). The check only decides when to ask for a garbage
 * collection; JavaCPP's other limit, on the bytes it tracks ({@code maxBytes}, the heap's size by
 * default), still does that, and a trial's arrays live in DL4J's workspaces anyway.
 *
 * <p>JavaCPP reads the setting once, when its {@link Pointer} class loads, so {@link #configure()}
 * must run before ND4J is first touched. A value the user set on the command line is kept.
 */
public final class NativeMemory {
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private NativeMemory() {}

    /**
     * @return JavaCPP's limit in effect (0: the check is off)
     */
    public static long configure() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null
                && System.getProperty(MAX_PHYSICAL_BYTES.toLowerCase()) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
        return Pointer.maxPhysicalBytes();
    }
}
