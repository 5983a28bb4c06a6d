package dev.tunelab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema only grows by new migrations: a released one is never edited, because Flyway refuses
 * to start on a database whose applied migration no longer matches its file.
 */
class MigrationsTest {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");

    /** Released migrations and their SHA-256; a new migration is added here when it is released. */
    private static final Map<String, String> RELEASED = new LinkedHashMap<>();

    static {
        RELEASED.put("V1__foundation.sql", "e054619394db4986b0b50557e53d80be81705d8de90815eaf165a0f7b6deb1af");
        RELEASED.put("V2__pruning.sql", "033dbb16ad78d46b5bd7bb150ec9b2fcffb73f92e07f0c429d669fbc74db683e");
        RELEASED.put("V3__dataset_kinds.sql", "5b13297ad4af8685f52a5cd090aee3c10802cb38a26f8abcc364fd854fd71ebf");
        RELEASED.put("V4__architecture.sql", "18bbbef5f3c8473fe4929b82f285e272d76877894fc2df72395ddde4faa2e034");
        RELEASED.put("V5__checkpoints.sql", "9e3ef8e836aed20334e431bc4b6f9cd316cc17bf12956999f17c6a0b939db313");
        RELEASED.put("V6__leases.sql", "5e89f5335d134ee80b342debeb6a42d5eba2745d18f5599b2ccfcd2e73645d80");
        RELEASED.put("V7__change_feed.sql", "1cae74c6223c4427edf6f1c4781a42b164eec23fea2fbae2a297e9606ef0f9fd");
        RELEASED.put("V8__access.sql", "36aa04aa367c53c61d39428b102fdaac1a6246504cf162b170dd5cc0b5ad980b");
    }

    private static List<Path> migrations() throws IOException, URISyntaxException {
        Path dir = Path.of(MigrationsTest.class.getResource("/db/migration").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void migrationsAreNumberedOneAfterAnotherWithoutGaps() throws Exception {
        List<Path> files = migrations();
        boolean[] seen = new boolean[files.size() + 1];
        for (Path f : files) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            assertTrue(m.matches(), f.getFileName() + " is not named V<n>__<what>.sql");
            int n = Integer.parseInt(m.group(1));
            assertTrue(
                    n >= 1 && n <= files.size() && !seen[n], f.getFileName() + ": numbers must run 1.." + files.size());
            seen[n] = true;
        }
    }

    @Test
    void releasedMigrationsAreUnchanged() throws Exception {
        Map<String, String> actual = new LinkedHashMap<>();
        for (Path f : migrations()) actual.put(f.getFileName().toString(), sha256(Files.readAllBytes(f)));
        for (Map.Entry<String, String> r : RELEASED.entrySet()) {
            assertEquals(
                    r.getValue(),
                    actual.get(r.getKey()),
                    r.getKey() + " was released and must not change: add a new migration instead");
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
