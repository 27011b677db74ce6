package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link NoCloseTerm} proves long words of many letters hopeless without an automaton, and {@link
 * ClosestTerm} still answers what Lucene's {@link DirectSpellChecker} answers on such words.
 */
class NoCloseTermTest {
  private static final String FIELD = "f";

  /** Alphabets as their first code point and size: Hangul syllables, Thai, Latin, digits. */
  private static final int[][] ALPHABETS = {{0xAC00, 11_172}, {0x0E01, 46}, {'a', 26}, {'0', 10}};

  private static ByteBuffersDirectory dir;
  private static DirectoryReader reader;
  private static final List<String> indexed = new ArrayList<>();

  /** 40 random words of 4 to 60 letters of each alphabet, each in one to three documents, two segments. */
  @BeforeAll
  static void index() throws IOException {
    dir = new ByteBuffersDirectory();
    Random random = new Random(18);
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
      for (int[] alphabet : ALPHABETS) {
        for (int i = 0; i < 40; i++) {
          String word = word(alphabet, 4 + random.nextInt(57), random);
          indexed.add(word);
          for (int d = 0; d <= random.nextInt(3); d++) {
            Document doc = new Document();
            doc.add(new StringField(FIELD, word, Field.Store.NO));
            w.addDocument(doc);
          }
        }
        w.commit();
      }
    }
    reader = DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  @Test
  void answersAHopelessWordWithoutBuildingAnAutomaton() throws IOException {
    Random random = new Random(3);
    String hopeless = word(ALPHABETS[0], 60, random);
    long before = ClosestTerm.automataBuilt();
    assertNull(ClosestTerm.of(new Term(FIELD, hopeless), reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, 100));
    assertEquals(0, ClosestTerm.automataBuilt() - before, "automata built for a word proved hopeless");
  }

  @Test
  void provesNothingOfAWordTwoEditsFromATerm() throws IOException {
    String term = indexed.stream().filter(t -> t.codePointCount(0, t.length()) >= 40).findFirst().orElseThrow();
    int[] letters = term.codePoints().toArray();
    // A substitution and a transposition, after the first letter.
    letters[5] = letters[5] == letters[0] ? letters[0] + 1 : letters[0];
    int swap = letters[10];
    letters[10] = letters[11];
    letters[11] = swap;
    String text = new String(letters, 0, letters.length);
    assertFalse(NoCloseTerm.proved(reader, FIELD, text, 2));
    SuggestWord found = ClosestTerm.of(new Term(FIELD, text), reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, 100);
    assertEquals(term, found == null ? null : found.string);
  }

  @Test
  void givesTheSpellCheckersAnswerOnRandomLongWords() throws IOException {
    Random random = new Random(11);
    int found = 0;
    int proved = 0;
    for (int i = 0; i < 240; i++) {
      int[] alphabet = ALPHABETS[i % ALPHABETS.length];
      String text = random.nextInt(3) == 0 ? word(alphabet, 4 + random.nextInt(57), random)
          : Misspellings.misspell(indexed.get(random.nextInt(indexed.size())), random.nextInt(5),
              () -> Character.toString(alphabet[0] + random.nextInt(Math.min(alphabet[1], 60))), random);
      if (text.codePointCount(0, text.length()) < 4) {
        continue;
      }
      proved += NoCloseTerm.proved(reader, FIELD, text.toLowerCase(java.util.Locale.ROOT), 2) ? 1 : 0;
      for (SuggestMode mode : new SuggestMode[] {SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, SuggestMode.SUGGEST_MORE_POPULAR}) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxInspections(100);
        SuggestWord[] best = checker.suggestSimilar(new Term(FIELD, text), 1, reader, mode);
        String expected = best.length == 0 ? "none" : best[0].string + " " + best[0].freq + " " + best[0].score;
        SuggestWord w = ClosestTerm.of(new Term(FIELD, text), reader, mode, 100);
        assertEquals(expected, w == null ? "none" : w.string + " " + w.freq + " " + w.score, text + " " + mode);
        found += best.length;
      }
    }
    // Neither side vacuous: many words have a suggestion, many are proved hopeless.
    assertTrue(found > 100, found + " suggestions");
    assertTrue(proved > 60, proved + " proved hopeless");
  }

  private static String word(int[] alphabet, int length, Random random) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.appendCodePoint(alphabet[0] + random.nextInt(alphabet[1]));
    }
    return b.toString();
  }

}
