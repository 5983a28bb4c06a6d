package dev.tunelab.api.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Tokens are 32 random bytes, so a fast unsalted SHA-256 is enough to store them: there is no
 * dictionary to guess from, and every request can afford the check.
 */
public final class TokenCodec {
    public static final String PREFIX = "tl_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenCodec() {}

    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Whether {@code s} could be a token at all; anything else is refused without a lookup. */
    public static boolean plausible(String s) {
        if (s == null || s.length() < PREFIX.length() + 16 || s.length() > 200 || !s.startsWith(PREFIX)) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) return false;
        }
        return true;
    }
}
