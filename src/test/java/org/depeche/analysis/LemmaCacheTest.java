package org.depeche.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LemmaCacheTest {
  private static String lemma(LemmaCache cache, String word) {
    char[] entry = cache.get(Arrays.copyOf(word.toCharArray(), word.length() + 3), word.length());
    return entry == null ? null : new String(entry, LemmaCache.lemmaStart(entry), entry.length - LemmaCache.lemmaStart(entry));
  }

  @Test
  void givesTheLemmaPutForAWordAndNothingForOthers() {
    LemmaCache cache = new LemmaCache();
    cache.put("faisait".toCharArray(), 7, "faire".toCharArray());
    cache.put("ditx".toCharArray(), 3, "dire".toCharArray());
    assertEquals("faire", lemma(cache, "faisait"));
    assertEquals("dire", lemma(cache, "dit"));
    assertNull(lemma(cache, "faisai"));
    assertNull(lemma(cache, "ditx"));
    assertNull(lemma(cache, ""));
    assertEquals(2, cache.size());
  }

  @Test
  void agreesWithAHashMapAsItGrowsAndIsCleared() {
    LemmaCache cache = new LemmaCache();
    Map<String, String> expected = new HashMap<>();
    Random random = new Random(19);
    for (int i = 0; i < 50_000; i++) {
      char[] word = new char[random.nextInt(6)];
      for (int k = 0; k < word.length; k++) {
        word[k] = (char) ('a' + random.nextInt(6));
      }
      String w = new String(word);
      assertEquals(expected.get(w), lemma(cache, w), w);
      if (!expected.containsKey(w)) {
        String l = w.toUpperCase() + i;
        cache.put(word, word.length, l.toCharArray());
        expected.put(w, l);
      }
      if (i == 30_000) {
        cache.clear();
        expected.clear();
      }
      assertEquals(expected.size(), cache.size());
    }
  }
}
