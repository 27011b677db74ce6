package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.apache.lucene.util.automaton.Operations;

/**
 * {@link EditAutomaton#of} accepts exactly the language of Lucene's {@link LevenshteinAutomata} with
 * transpositions, for random texts: small alphabets (so that letters repeat and transpositions of
 * equal or neighbouring letters occur), accents, ligatures, apostrophes, hyphens, digits, letters
 * outside the Basic Multilingual Plane, the empty text, and texts longer than the prefix or not.
 */
class EditAutomatonPropertiesTest {
  /** Alphabets of one-code-point strings; the small ones force repeats. */
  private static final List<List<String>> ALPHABETS = List.of(
      List.of("a", "b"),
      List.of("a", "b", "c"),
      List.of("e", "é", "è", "œ", "æ", "'", "-"),
      List.of("0", "1", "9", "-", "a"),
      List.of("\uD83D\uDE00", "\uD835\uDD38", "a", "\uFFFF"),
      List.of("\u0000", "a", new String(Character.toChars(Character.MAX_CODE_POINT))),
      List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
          "u", "v", "w", "x", "y", "z", "é", "à", "ç"));

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(ALPHABETS).flatMap(alphabet ->
        Arbitraries.of(alphabet).list().ofMinSize(0).ofMaxSize(14).map(letters -> String.join("", letters)));
  }

  @Property(tries = 400, seed = "17")
  void acceptsExactlyLucenesLanguage(@ForAll("texts") String text, @ForAll @IntRange(min = 0, max = 2) int edits,
      @ForAll @IntRange(min = 0, max = 3) int prefix) {
    assertSameLanguage(text, prefix, edits);
  }

  @Property(tries = 40, seed = "17")
  void acceptsExactlyLucenesLanguageForLongTexts(@ForAll("longTexts") String text,
      @ForAll @IntRange(min = 1, max = 2) int edits) {
    assertSameLanguage(text, 1, edits);
  }

  @Provide
  Arbitrary<String> longTexts() {
    return Arbitraries.of(ALPHABETS).flatMap(alphabet ->
        Arbitraries.of(alphabet).list().ofMinSize(30).ofMaxSize(60).map(letters -> String.join("", letters)));
  }

  /**
   * Asserts that {@link EditAutomaton} accepts what Lucene's automaton accepts for the same text,
   * prefix and edits, and is deterministic without dead states.
   */
  static void assertSameLanguage(String text, int prefix, int edits) {
    int[] cps = text.codePoints().toArray();
    int p = Math.min(prefix, cps.length);
    String head = new String(cps, 0, p);
    String rest = new String(cps, p, cps.length - p);
    Automaton lucene = new LevenshteinAutomata(rest, true).toAutomaton(edits, head);
    Automaton ours = EditAutomaton.of(text, prefix, edits);
    String context = text.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList() + " at " + edits
        + " edits, prefix " + prefix;
    assertTrue(ours.isDeterministic(), context);
    assertFalse(Operations.hasDeadStates(ours), context);
    assertTrue(Operations.isEmpty(Operations.minus(ours, lucene, Integer.MAX_VALUE)), context + ": accepts more");
    assertTrue(Operations.isEmpty(Operations.minus(lucene, ours, Integer.MAX_VALUE)), context + ": accepts less");
  }
}
