package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.api.Test;

/** {@link EditAutomaton} accepts exactly what Lucene's Levenshtein automata accept. */
class EditAutomatonTest {
  private static final List<String> WORDS = List.of("", "a", "ab", "aa", "abc", "aba", "bamako", "bamackou",
      "heappey", "aaaa", "abab", "mississippi", "strutthof", "élysée", "cœur", "œuvre", "ça", "naïve",
      "abcdefghij", "zzzzzzzzzzzz", "x\uD83D\uDE00y", "\uD83D\uDE00\uD83D\uDE00", "ab\uFFFFcd", "\u0000a",
      new String(Character.toChars(0x10FFFF)) + "ab", "tranpsosition",
      "constitutionnellement", "qu'il", "l'onu", "covid-19", "2022", "royaumeuni");

  @Test
  void acceptsTheWordsLucenesLevenshteinAutomatonAccepts() {
    for (String word : WORDS) {
      for (int edits = 0; edits <= LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE; edits++) {
        for (int prefix = 0; prefix <= 2; prefix++) {
          EditAutomatonPropertiesTest.assertSameLanguage(word, prefix, edits);
        }
      }
    }
  }

  @Test
  void buildsTheAutomataOfVeryLongWordsInLinearlyManyStatesAsLuceneDoes() {
    // 200 letters: of two letters (repeats everywhere), of the alphabet, and 200 distinct letters.
    java.util.Random random = new java.util.Random(200);
    StringBuilder two = new StringBuilder();
    StringBuilder alphabet = new StringBuilder();
    StringBuilder distinct = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      two.append("ab".charAt(random.nextInt(2)));
      alphabet.append((char) ('a' + random.nextInt(26)));
      distinct.append((char) (0x4E00 + i));
    }
    for (String word : List.of(two.toString(), alphabet.toString(), distinct.toString())) {
      for (int edits = 1; edits <= 2; edits++) {
        int n = edits;
        Automaton ours = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> EditAutomaton.of(word, 1, n));
        Automaton lucene = new LevenshteinAutomata(word.substring(1), true).toAutomaton(edits, word.substring(0, 1));
        String context = word.charAt(0) + "… at " + edits + " edits: " + ours.getNumStates() + " states, Lucene's "
            + lucene.getNumStates();
        // Lucene's own bound is linear too: 20 states a letter at two edits is far above either.
        assertTrue(ours.getNumStates() <= 20 * (word.length() + 1), context);
        assertTrue(ours.getNumStates() <= lucene.getNumStates() * 1.15, context);
        assertTrue(Operations.run(ours, word.substring(0, 150) + "x" + word.substring(150)), context);
        assertFalse(Operations.run(ours, word.substring(0, 100) + "xyz" + word.substring(100)), context);
      }
    }
  }

  @Test
  void countsATranspositionAsOneEditAndEachLetterEditedOnce() {
    Automaton one = EditAutomaton.of("abcd", 1, 1);
    assertTrue(Operations.run(one, "acbd"));
    assertFalse(Operations.run(one, "bacd"), "the prefix stays");
    Automaton two = EditAutomaton.of("abc", 0, 2);
    assertFalse(Operations.run(two, "ca"), "three edits: a transposed letter is not edited again");
    assertTrue(Operations.run(two, "cb"));
  }

  @Test
  void refusesMoreEditsThanLuceneSupports() {
    assertThrows(IllegalArgumentException.class, () -> EditAutomaton.of("abc", 1, 3));
    Automaton none = EditAutomaton.of("abc", 1, 0);
    assertTrue(Operations.run(none, "abc"));
    assertFalse(Operations.run(none, "abd"));
  }
}
