package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
          int[] cps = word.codePoints().toArray();
          int p = Math.min(prefix, cps.length);
          String head = new String(cps, 0, p);
          String rest = new String(cps, p, cps.length - p);
          Automaton lucene = new LevenshteinAutomata(rest, true).toAutomaton(edits, head);
          Automaton ours = EditAutomaton.of(word, prefix, edits);
          String context = word + " at " + edits + " edits, prefix " + prefix;
          assertTrue(ours.isDeterministic(), context);
          assertFalse(Operations.hasDeadStates(ours), context);
          assertTrue(Operations.isEmpty(Operations.minus(ours, lucene, Integer.MAX_VALUE)), context + ": accepts more");
          assertTrue(Operations.isEmpty(Operations.minus(lucene, ours, Integer.MAX_VALUE)), context + ": accepts less");
        }
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
