package dev.tunelab.api.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TokenCodecTest {
    @Test
    void tokensAreRandomPrefixedAndPlausible() {
        String a = TokenCodec.newToken();
        String b = TokenCodec.newToken();
        assertNotEquals(a, b);
        assertTrue(a.startsWith("tl_"));
        assertEquals(46, a.length()); // tl_ + 43 base64url characters of 32 bytes
        assertTrue(TokenCodec.plausible(a));
    }

    @Test
    void theHashIsSha256OfTheToken() {
        assertArrayEquals(
                HexFormat.of().parseHex("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                TokenCodec.hash("test"));
    }

    @Test
    void garbageIsRefusedWithoutALookup() {
        assertFalse(TokenCodec.plausible(null));
        assertFalse(TokenCodec.plausible("Bearer"));
        assertFalse(TokenCodec.plausible("tl_short"));
        assertFalse(TokenCodec.plausible("tl_abcdefghijklmnopqrstu\u0000vwxyz"));
        assertFalse(TokenCodec.plausible("xx_abcdefghijklmnopqrstuvwxyz0123"));
        assertFalse(TokenCodec.plausible("tl_" + "a".repeat(300)));
    }
}
