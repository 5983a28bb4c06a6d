package dev.tunelab.worker.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Adds or reads entries of a DL4J model zip. ModelSerializer only looks up the entries it knows
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
