package dev.tunelab.core.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word ids for token datasets: 0 is padding, 1 any word outside the vocabulary, and the most
 * frequent words get 2, 3, ... (ties broken alphabetically, so the ids do not depend on row order).
 */
final class Vocabulary {
    static final int PADDING = 0;
    static final int UNKNOWN = 1;
    static final int FIRST_WORD = 2;

    private final Map<String, Integer> ids = new HashMap<>();

    Vocabulary(List<String> words) {
        for (int i = 0; i < words.size(); i++) ids.put(words.get(i), FIRST_WORD + i);
    }

    /** The {@code size - 2} most frequent of the counted words, most frequent first. */
    static List<String> mostFrequent(Map<String, Integer> counts, int size) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey));
        List<String> words = new ArrayList<>();
        for (int i = 0; i < Math.min(entries.size(), size - FIRST_WORD); i++)
            words.add(entries.get(i).getKey());
        return words;
    }

    int id(String word) {
        return ids.getOrDefault(word, UNKNOWN);
    }
}
