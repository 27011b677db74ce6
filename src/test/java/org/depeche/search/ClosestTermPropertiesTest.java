package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ClosestTerm} gives what a fresh {@link DirectSpellChecker} gives for random misspellings
 * (one to three random edits: insertions, deletions, substitutions by accented letters, ligatures,
 * apostrophes, hyphens or letters outside the Basic Multilingual Plane, transpositions) of real
 * words, in both suggest modes, from one thread and from two at once.
 */
class ClosestTermPropertiesTest {
  private static final String FIELD = "f";
  private static final String LETTERS = "aeiourstnlcmpbdéèàçœæ'-0";
  private static ByteBuffersDirectory dir;
  private static DirectoryReader reader;
  private static List<String> words;

  @BeforeAll
  static void index() throws IOException {
    dir = new ByteBuffersDirectory();
    reader = ClosestTermTest.selection(dir, FIELD);
    words = new ArrayList<>();
    TermsEnum terms = MultiTerms.getTerms(reader, FIELD).iterator();
    for (BytesRef t = terms.next(); t != null; t = terms.next()) {
      words.add(t.utf8ToString());
    }
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  /** The random texts of a seed: misspellings of real words, and the words themselves. */
  private static List<String> texts(long seed, int count) {
    Random random = new Random(seed);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String word = words.get(random.nextInt(words.size()));
      texts.add(random.nextInt(8) == 0 ? word : Misspellings.misspell(word, 1 + random.nextInt(3),
          () -> random.nextInt(20) == 0 ? "\uD83D\uDE00" : String.valueOf(LETTERS.charAt(random.nextInt(LETTERS.length()))),
          random));
    }
    return texts;
  }

  private static String expected(String text, SuggestMode mode, int inspections) throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMaxInspections(inspections);
    SuggestWord[] best = checker.suggestSimilar(new Term(FIELD, text), 1, reader, mode);
    return best.length == 0 ? "none" : best[0].string + " " + best[0].freq + " " + best[0].score;
  }

  private static String actual(String text, SuggestMode mode, int inspections) throws IOException {
    SuggestWord best = ClosestTerm.of(new Term(FIELD, text), reader, mode, inspections);
    return best == null ? "none" : best.string + " " + best.freq + " " + best.score;
  }

  @Test
  void givesTheSpellCheckersSuggestionForRandomMisspellings() throws IOException {
    int found = 0;
    for (String text : texts(17, 600)) {
      for (SuggestMode mode : new SuggestMode[] {SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, SuggestMode.SUGGEST_MORE_POPULAR}) {
        for (int inspections : new int[] {100, 1}) {
          String expected = expected(text, mode, inspections);
          assertEquals(expected, actual(text, mode, inspections), text + " " + mode + " " + inspections);
          found += expected.equals("none") ? 0 : 1;
        }
      }
    }
    // Not a vacuous comparison: most misspellings have a correction.
    assertTrue(found > 800, found + " suggestions");
  }

  @Test
  void givesTheSameAnswersFromTwoThreadsAtOnce() throws Exception {
    // More texts than a thread keeps automata for, in another order on each thread, so that each
    // thread's kept automata are evicted and built again while the other thread builds its own.
    List<String> texts = texts(4, 200);
    List<String> expected = new ArrayList<>();
    for (String text : texts) {
      expected.add(expected(text, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, 100));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        boolean reversed = t == 1;
        runs.add(pool.submit(() -> {
          List<String> answers = new ArrayList<>();
          for (int round = 0; round < 3; round++) {
            for (String text : reversed ? texts.reversed() : texts) {
              answers.add(actual(text, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, 100));
            }
          }
          return answers;
        }));
      }
      for (int t = 0; t < 2; t++) {
        List<String> answers = runs.get(t).get();
        for (int round = 0; round < 3; round++) {
          List<String> these = answers.subList(round * texts.size(), (round + 1) * texts.size());
          assertEquals(t == 0 ? expected : expected.reversed(), these, "thread " + t + ", round " + round);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
