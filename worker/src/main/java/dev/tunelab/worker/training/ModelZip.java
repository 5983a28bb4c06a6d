package dev.tunelab.worker.training;

import dev.tunelab.core.messages.ArtifactEntries;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;

/**
 * Writes and reads DL4J model zips, and adds or reads their extra entries. ModelSerializer only
 * looks up the entries it knows by name, so an extra entry (the model card) travels with the model
 * without breaking {@code restoreMultiLayerNetwork} or {@code restoreNormalizerFromFile}.
 */
public final class ModelZip {

    private ModelZip() {}

    /** A copy of {@code zip} with the given entries added, replacing entries of the same name. */
    public static byte[] withEntries(byte[] zip, Map<String, byte[]> entries) {
        return withEntries(zip, entries, false);
    }

    /**
     * @param stored true to write every entry uncompressed: a checkpoint is written after many epochs
     *     and read at most once, and compressing float parameters again costs the training thread far
     *     more time (it dominated a large network's checkpoint) than the few percent of bytes it
     *     saves
     */
    static byte[] withEntries(byte[] zip, Map<String, byte[]> entries, boolean stored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length + 4096);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            // Float parameters hardly compress: the fastest level keeps nearly all of the saving at a
            // fraction of the default level's time.
            out.setLevel(Deflater.BEST_SPEED);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (entries.containsKey(e.getName())) continue;
                // A fresh entry: the source's stored sizes/CRC do not carry over to a re-compressed copy.
                put(out, e.getName(), in.readAllBytes(), stored);
            }
            for (Map.Entry<String, byte[]> e : entries.entrySet()) put(out, e.getKey(), e.getValue(), stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, byte[] content, boolean stored) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        if (stored) {
            CRC32 crc = new CRC32();
            crc.update(content);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            entry.setCrc(crc.getValue());
        }
        out.putNextEntry(entry);
        out.write(content);
        out.closeEntry();
    }

    /**
     * The DL4J model zip with the normalizer (when there is one) and the card added as entries.
     * Equivalent to {@code ModelSerializer.writeModel(net, file, true, normalizer)}, which in M2.1
     * fails with the commons-io on this classpath: its normalizer writer closes the zip stream and
     * the final flush then throws. Both restore methods read the entries by name, so the result is
     * the same.
     */
    public static byte[] write(MultiLayerNetwork net, DataNormalization normalizer, ModelCard card) {
        return write(net, normalizer, Map.of(ArtifactEntries.MODEL_CARD, card.toJson()));
    }

    /**
     * The DL4J model zip (with updater state) plus the normalizer and the given entries, compressed.
     */
    static byte[] write(MultiLayerNetwork net, DataNormalization normalizer, Map<String, byte[]> entries) {
        return write(net, normalizer, entries, false);
    }

    /**
     * @param stored true for uncompressed entries (see {@link #withEntries(byte[], Map, boolean)})
     */
    static byte[] write(
            MultiLayerNetwork net, DataNormalization normalizer, Map<String, byte[]> entries, boolean stored) {
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        Map<String, byte[]> extra = new LinkedHashMap<>();
        try {
            // saveUpdater=true: the artifact can be fine-tuned later with Adam's moments intact.
            ModelSerializer.writeModel(net, model, true);
            if (normalizer != null) {
                ByteArrayOutputStream norm = new ByteArrayOutputStream();
                NormalizerSerializer.getDefault().write(normalizer, norm);
                extra.put(ArtifactEntries.NORMALIZER, norm.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        extra.putAll(entries);
        return withEntries(model.toByteArray(), extra, stored);
    }

    /** The network of a model zip, without its updater state. */
    public static MultiLayerNetwork network(byte[] zip) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The network of a model zip with its updater state, to train further. */
    static MultiLayerNetwork networkWithUpdater(byte[] zip) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The normalizer of a model zip, or null when the model takes its inputs as they are. */
    public static DataNormalization normalizer(byte[] zip) {
        byte[] bytes = entry(zip, ArtifactEntries.NORMALIZER);
        if (bytes == null) return null;
        try {
            return NormalizerSerializer.getDefault().restore(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new IllegalArgumentException("the model's normalizer cannot be read", e);
        }
    }

    /** The content of entry {@code name}, or null when the zip has none. */
    public static byte[] entry(byte[] zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) return in.readAllBytes();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
