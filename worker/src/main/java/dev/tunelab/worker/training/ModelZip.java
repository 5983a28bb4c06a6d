package dev.tunelab.worker.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;

/**
 * Writes and reads DL4J model zips, and adds or reads their extra entries. ModelSerializer only looks up the entries it knows
 * by name, so an extra entry (the model card) travels with the model without breaking
 * {@code restoreMultiLayerNetwork} or {@code restoreNormalizerFromFile}.
 */
public final class ModelZip {

  private ModelZip() {}

  /** A copy of {@code zip} with the given entries added, replacing entries of the same name. */
  public static byte[] withEntries(byte[] zip, Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(zip.length + 4096);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(bytes)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (entries.containsKey(e.getName())) continue;
        // A fresh entry: the source's stored sizes/CRC do not carry over to a re-compressed copy.
        out.putNextEntry(new ZipEntry(e.getName()));
        in.transferTo(out);
        out.closeEntry();
      }
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The DL4J model zip with the normalizer (when there is one) and the card added as entries.
   * Equivalent to {@code ModelSerializer.writeModel(net, file, true, normalizer)}, which in M2.1
   * fails with the commons-io on this classpath: its normalizer writer closes the zip stream and
   * the final flush then throws. Both restore methods read the entries by name, so the result is
   * the same.
   */
  public static byte[] write(MultiLayerNetwork net, DataNormalization normalizer, ModelCard card) {
    return write(net, normalizer, Map.of(ModelCard.ENTRY, card.toJson()));
  }

  /** The DL4J model zip (with updater state) plus the normalizer and the given entries. */
  static byte[] write(MultiLayerNetwork net, DataNormalization normalizer, Map<String, byte[]> entries) {
    ByteArrayOutputStream model = new ByteArrayOutputStream();
    Map<String, byte[]> extra = new LinkedHashMap<>();
    try {
      // saveUpdater=true: the artifact can be fine-tuned later with Adam's moments intact.
      ModelSerializer.writeModel(net, model, true);
      if (normalizer != null) {
        ByteArrayOutputStream norm = new ByteArrayOutputStream();
        NormalizerSerializer.getDefault().write(normalizer, norm);
        extra.put(ModelSerializer.NORMALIZER_BIN, norm.toByteArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    extra.putAll(entries);
    return withEntries(model.toByteArray(), extra);
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
    byte[] bytes = entry(zip, ModelSerializer.NORMALIZER_BIN);
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
