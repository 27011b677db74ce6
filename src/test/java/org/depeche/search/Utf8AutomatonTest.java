package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Automaton#of} accepts exactly the valid UTF-8 strings the automaton Lucene compiles from
 * the same code-point automaton accepts ({@link CompiledAutomaton}, through its {@code UTF32ToUTF8}),
 * deterministically and in fewer states: on the spell checks' own automata of random texts, and on
 * automata of random code-point ranges that cut UTF-8's lead and continuation bytes anywhere.
 */
class Utf8AutomatonTest {
  private static final List<List<String>> ALPHABETS = List.of(
      List.of("a", "b"),
      List.of("e", "é", "è", "œ", "æ", "'", "-"),
      List.of("\uD83D\uDE00", "\uD835\uDD38", "a", "\uFFFF", "\u07FF", "\u0800"),
      List.of("\u0000", "\u007F", "\u0080", new String(Character.toChars(Character.MAX_CODE_POINT))),
      List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
          "u", "v", "w", "x", "y", "z", "é", "à", "ç"));

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(ALPHABETS).flatMap(alphabet ->
        Arbitraries.of(alphabet).list().ofMinSize(0).ofMaxSize(12).map(letters -> String.join("", letters)));
  }

  @Property(tries = 300, seed = "18")
  void acceptsWhatLuceneCompilesFromTheEditAutomaton(@ForAll("texts") String text,
      @ForAll @IntRange(min = 0, max = 2) int edits, @ForAll @IntRange(min = 0, max = 2) int prefix) {
    Automaton codePoints = EditAutomaton.of(text, prefix, edits);
    Automaton lucene = new CompiledAutomaton(codePoints, true, false).automaton;
    Automaton ours = Utf8Automaton.of(codePoints);
    String context = text.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList() + " at " + edits
        + " edits, prefix " + prefix;
    assertSameBytes(lucene, ours, context);
    assertTrue(ours.getNumStates() <= lucene.getNumStates(),
        context + ": " + ours.getNumStates() + " states, Lucene " + lucene.getNumStates());
  }

  @Test
  void acceptsWhatLuceneCompilesFromRandomRanges() {
    Random random = new Random(18);
    int[] edges = {0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFF, 0x10000, 0x3FFFF, 0x40000,
        0x10FFFF};
    for (int round = 0; round < 500; round++) {
      // Cuts at UTF-8's boundaries, near them, or anywhere; each range to one of three states.
      TreeSet<Integer> cuts = new TreeSet<>();
      int n = 1 + random.nextInt(8);
      while (cuts.size() < n) {
        int edge = edges[random.nextInt(edges.length)];
        int cut = switch (random.nextInt(3)) {
          case 0 -> edge;
          case 1 -> edge + random.nextInt(129) - 64;
          default -> random.nextInt(Character.MAX_CODE_POINT + 1);
        };
        cuts.add(Math.clamp(cut, 0, Character.MAX_CODE_POINT));
      }
      Automaton codePoints = new Automaton();
      int start = codePoints.createState();
      int[] dests = {codePoints.createState(), codePoints.createState(), codePoints.createState()};
      codePoints.setAccept(dests[0], true);
      codePoints.setAccept(dests[1], true);
      int low = 0;
      for (int cut : cuts) {
        if (random.nextInt(4) > 0) {
          codePoints.addTransition(start, dests[random.nextInt(3)], low, cut);
        }
        low = cut + 1;
      }
      codePoints.finishState();
      // dests[2] reads one more code point of any range cut at the same places.
      Automaton withTail = new Automaton();
      withTail.copy(codePoints);
      withTail.addTransition(3, 1, 0x7F0, 0x10010);
      withTail.finishState();
      for (Automaton a : List.of(codePoints, withTail)) {
        assertSameBytes(new CompiledAutomaton(a, true, false).automaton, Utf8Automaton.of(a), "round " + round
            + ", cuts " + cuts);
      }
    }
  }

  @Test
  void staysDeterministicAndBelowLucenesSizeOnTheLongestWordsOfManyScripts() {
    // The tokenizer's longest words (255 letters) of one, three and fourteen scripts of 1 to 4 bytes.
    int[][] scripts = {{'a', 'z'}, {0xE0, 0xFF}, {0x391, 0x3A9}, {0x410, 0x44F}, {0x5D0, 0x5EA}, {0x627, 0x64A},
        {0x905, 0x939}, {0xE01, 0xE2E}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0x1F600, 0x1F64F}, {0x1D400, 0x1D433},
        {0x10FFF0, 0x10FFFF}, {0xE000, 0xE0FF}};
    for (int n : new int[] {1, 3, scripts.length}) {
      Random random = new Random(n);
      StringBuilder word = new StringBuilder();
      for (int i = 0; i < 255; i++) {
        int[] script = scripts[random.nextInt(n)];
        word.appendCodePoint(script[0] + random.nextInt(script[1] - script[0] + 1));
      }
      for (int edits = 1; edits <= 2; edits++) {
        String context = n + " scripts, " + edits + " edits";
        Automaton codePoints = EditAutomaton.of(word.toString(), 1, edits);
        Automaton ours = Utf8Automaton.of(codePoints);
        CompiledAutomaton lucene = new CompiledAutomaton(codePoints, true, false);
        assertTrue(ours.isDeterministic(), context);
        assertTrue(ours.getNumStates() < lucene.automaton.getNumStates(), context + ": " + ours.getNumStates()
            + " states, Lucene " + lucene.automaton.getNumStates());
        // 7.3 times the code-point states at most here (fourteen scripts, two edits): each "other
        // letter" range needs its continuation and lead-byte states.
        assertTrue(ours.getNumStates() <= 8 * codePoints.getNumStates(), context + ": " + ours.getNumStates()
            + " states for " + codePoints.getNumStates());
        // Too large to compare whole: the same answers on the word's own misspellings.
        ByteRunAutomaton run = new CompiledAutomaton(ours, true, false, true).runAutomaton;
        int[] letters = word.codePoints().toArray();
        int accepted = 0;
        for (int k = 0; k < 300; k++) {
          int[] near = letters.clone();
          for (int e = random.nextInt(4); e > 0; e--) {
            int[] script = scripts[random.nextInt(n)];
            near[1 + random.nextInt(near.length - 1)] = script[0] + random.nextInt(script[1] - script[0] + 1);
          }
          int cut = random.nextInt(3) == 0 ? random.nextInt(near.length) : near.length;
          byte[] utf8 = new String(near, 0, cut).getBytes(StandardCharsets.UTF_8);
          boolean expected = lucene.runAutomaton.run(utf8, 0, utf8.length);
          assertEquals(expected, run.run(utf8, 0, utf8.length), context);
          accepted += expected ? 1 : 0;
        }
        assertTrue(accepted > 50, context + ": " + accepted + " accepted");
      }
    }
  }

  /** Both accept the same valid UTF-8 strings, the only byte strings a term can be. */
  private static void assertSameBytes(Automaton lucene, Automaton ours, String context) {
    assertTrue(ours.isDeterministic(), context);
    Automaton valid = Operations.repeat(VALID_CODE_POINT);
    Automaton oursValid = Operations.intersection(ours, valid);
    Automaton luceneValid = Operations.intersection(lucene, valid);
    assertTrue(Operations.isEmpty(Operations.minus(oursValid, luceneValid, Integer.MAX_VALUE)),
        context + ": accepts more");
    assertTrue(Operations.isEmpty(Operations.minus(luceneValid, oursValid, Integer.MAX_VALUE)),
        context + ": accepts less");
  }

  /** One code point in valid UTF-8, as RFC 3629 gives its bytes: no overlong form, no surrogate. */
  private static final Automaton VALID_CODE_POINT = Operations.determinize(Operations.union(List.of(
      bytes(0x00, 0x7F),
      bytes(0xC2, 0xDF, 0x80, 0xBF),
      bytes(0xE0, 0xE0, 0xA0, 0xBF, 0x80, 0xBF),
      bytes(0xE1, 0xEC, 0x80, 0xBF, 0x80, 0xBF),
      bytes(0xED, 0xED, 0x80, 0x9F, 0x80, 0xBF),
      bytes(0xEE, 0xEF, 0x80, 0xBF, 0x80, 0xBF),
      bytes(0xF0, 0xF0, 0x90, 0xBF, 0x80, 0xBF, 0x80, 0xBF),
      bytes(0xF1, 0xF3, 0x80, 0xBF, 0x80, 0xBF, 0x80, 0xBF),
      bytes(0xF4, 0xF4, 0x80, 0x8F, 0x80, 0xBF, 0x80, 0xBF))), Integer.MAX_VALUE);

  /** The byte strings of one byte from each [min, max] pair in turn. */
  private static Automaton bytes(int... ranges) {
    List<Automaton> parts = new ArrayList<>();
    for (int i = 0; i < ranges.length; i += 2) {
      parts.add(Automata.makeCharRange(ranges[i], ranges[i + 1]));
    }
    return Operations.concatenate(parts);
  }
}
