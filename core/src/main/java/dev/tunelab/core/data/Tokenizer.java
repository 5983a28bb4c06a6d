package dev.tunelab.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case words at every character that is neither a letter nor a digit, as
 * Keras's {@code TextVectorization} does by default ("Not good!" → [not, good]). Apostrophes split
 * too ("don't" → [don, t]), which keeps the rule one line and language-neutral.
 */
final class Tokenizer {
    private Tokenizer() {}

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            boolean inWord = Character.isLetterOrDigit(cp);
            if (inWord && start < 0) start = i;
            if (!inWord && start >= 0) {
                out.add(lower.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) out.add(lower.substring(start));
        return out;
    }
}
