package org.depeche.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * The deterministic automaton of the words at most {@code edits} edits from a text (insertions,
 * deletions, substitutions, and transpositions of two adjacent letters, each counting as one; each
 * letter edited once), that begin with the text's first {@code prefix} code points unchanged: the
 * language of Lucene's {@link LevenshteinAutomata#toAutomaton(int, String)} on the text's rest with
 * transpositions, as its fuzzy queries and spell checker build it, with fewer steps.
 *
 * <p>Lucene builds every state of its parametric tables, then drops the dead ones (its {@code
 * Operations.removeDeadStates} copies the automaton and sorts its transitions again: three
 * quarters of building it, in a profile of the PIAF questions' spell checks). Here a state is the
 * set of positions of the non-deterministic automaton reached so far (the text's letters matched,
 * the edits spent, and whether the first letter of a transposition was just read), built only from
 * the start, each set once, its transitions added in order of their letters: every state is
 * reachable and leads to an accepting one. {@code EditAutomatonTest} checks the language against
 * Lucene's.
 *
 * <p>Stateless and thread-safe.
 */
final class EditAutomaton {
  private EditAutomaton() {}

  /**
   * Returns the automaton over code points of the words beginning with the first {@code prefix}
   * code points of {@code text} and at most {@code edits} edits from it after them.
   *
   * @param edits 0 to {@link LevenshteinAutomata#MAXIMUM_SUPPORTED_DISTANCE}
   */
  static Automaton of(String text, int prefix, int edits) {
    if (edits < 0 || edits > LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE) {
      throw new IllegalArgumentException("edits must be 0 to " + LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE
          + ", not " + edits);
    }
    int[] all = text.codePoints().toArray();
    int p = Math.min(prefix, all.length);
    return new Builder(Arrays.copyOfRange(all, p, all.length), edits).build(Arrays.copyOf(all, p));
  }

  /**
   * The subset construction. A position is (i, e): the first i letters of the word matched with e
   * edits; or t(i, e): the same, having read the word's letter i + 1 as the first of a
   * transposition with letter i, whose edit e counts already.
   */
  private static final class Builder {
    private final int[] word;
    private final int edits;
    /** The word's distinct letters, in order. */
    private final int[] letters;
    private final Automaton automaton = new Automaton();
    private final Map<BitSet, Integer> states = new HashMap<>();
    private final List<BitSet> pending = new ArrayList<>();

    Builder(int[] word, int edits) {
      this.word = word;
      this.edits = edits;
      this.letters = Arrays.stream(word).sorted().distinct().toArray();
    }

    private int normal(int i, int e) {
      return i * (edits + 1) + e;
    }

    private int transposed(int i, int e) {
      return (word.length + 1 + i) * (edits + 1) + e;
    }

    Automaton build(int[] prefix) {
      int state = automaton.createState();
      for (int c : prefix) {
        int next = automaton.createState();
        automaton.addTransition(state, next, c);
        state = next;
      }
      BitSet start = new BitSet();
      start.set(normal(0, 0));
      closeOverDeletions(start);
      // The prefix's last state is the start set's.
      states.put(start, state);
      automaton.setAccept(state, accepts(start));
      pending.add(start);
      int[] targets = new int[letters.length];
      while (!pending.isEmpty()) {
        BitSet from = pending.removeLast();
        int source = states.get(from);
        for (int k = 0; k < letters.length; k++) {
          targets[k] = target(step(from, letters[k]));
        }
        int other = target(step(from, -1));
        // Transitions in order of code points: the ranges of other letters between the word's.
        int low = 0;
        for (int k = 0; k <= letters.length; k++) {
          int high = k < letters.length ? letters[k] - 1 : Character.MAX_CODE_POINT;
          if (other >= 0 && low <= high) {
            automaton.addTransition(source, other, low, high);
          }
          if (k < letters.length) {
            if (targets[k] >= 0) {
              automaton.addTransition(source, targets[k], letters[k]);
            }
            low = letters[k] + 1;
          }
        }
      }
      automaton.finishState();
      return automaton;
    }

    /** The state of a set of positions, created when new; -1 for the empty set. */
    private int target(BitSet to) {
      if (to.isEmpty()) {
        return -1;
      }
      Integer known = states.get(to);
      if (known != null) {
        return known;
      }
      int s = automaton.createState();
      automaton.setAccept(s, accepts(to));
      states.put(to, s);
      pending.add(to);
      return s;
    }

    private boolean accepts(BitSet positions) {
      for (int e = 0; e <= edits; e++) {
        if (positions.get(normal(word.length, e))) {
          return true;
        }
      }
      return false;
    }

    /** The positions after reading {@code c} (-1: a letter not in the word). */
    private BitSet step(BitSet from, int c) {
      BitSet to = new BitSet();
      int transposedFrom = transposed(0, 0);
      for (int b = from.nextSetBit(0); b >= 0; b = from.nextSetBit(b + 1)) {
        int e = b % (edits + 1);
        if (b >= transposedFrom) {
          int i = b / (edits + 1) - word.length - 1;
          if (word[i] == c) {
            to.set(normal(i + 2, e));
          }
          continue;
        }
        int i = b / (edits + 1);
        if (i < word.length && word[i] == c) {
          to.set(normal(i + 1, e));
        }
        if (e < edits) {
          to.set(normal(i, e + 1)); // c inserted
          if (i < word.length) {
            to.set(normal(i + 1, e + 1)); // letter i replaced by c
          }
          if (i + 1 < word.length && word[i + 1] == c) {
            to.set(transposed(i, e + 1)); // letters i and i + 1 swapped: c is the second
          }
        }
      }
      closeOverDeletions(to);
      return to;
    }

    /**
     * Adds the positions reached by deleting letters of the word: each one's is further on, so one
     * pass in order reaches them all.
     */
    private void closeOverDeletions(BitSet positions) {
      int transposedFrom = transposed(0, 0);
      for (int b = positions.nextSetBit(0); b >= 0 && b < transposedFrom; b = positions.nextSetBit(b + 1)) {
        int i = b / (edits + 1);
        int e = b % (edits + 1);
        if (i < word.length && e < edits) {
          positions.set(normal(i + 1, e + 1));
        }
      }
    }
  }
}
