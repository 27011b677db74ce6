package org.depeche.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** Random misspellings for the spelling checks' tests. */
final class Misspellings {
  private Misspellings() {}

  /**
   * Returns {@code word} with {@code n} random edits of whole letters (code points): each an
   * insertion or a substitution of a letter from {@code letter}, a deletion, or a transposition of
   * two neighbours; an edit that has no letter to act on does nothing. Draws from {@code random}
   * in a fixed order (the place, the letter, the kind of edit), so a seed gives the same words.
   */
  static String misspell(String word, int n, Supplier<String> letter, Random random) {
    List<String> letters = new ArrayList<>(word.codePoints().mapToObj(Character::toString).toList());
    for (int k = 0; k < n; k++) {
      int at = letters.isEmpty() ? 0 : random.nextInt(letters.size());
      String other = letter.get();
      switch (random.nextInt(4)) {
        case 0 -> letters.add(at, other);
        case 1 -> {
          if (!letters.isEmpty()) {
            letters.remove(at);
          }
        }
        case 2 -> {
          if (!letters.isEmpty()) {
            letters.set(at, other);
          }
        }
        default -> {
          if (at + 1 < letters.size()) {
            letters.add(at + 1, letters.remove(at));
          }
        }
      }
    }
    return String.join("", letters);
  }
}
