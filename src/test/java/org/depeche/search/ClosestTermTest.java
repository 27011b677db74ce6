package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
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
 * {@link ClosestTerm} gives what Lucene's {@link DirectSpellChecker} gives at two edits, and skips
 * the pass at two edits when a term is one edit away.
 */
class ClosestTermTest {
  private static final String FIELD = "f";
  private static ByteBuffersDirectory dir;
  private static DirectoryReader reader;

  /** The words of the shipped OrangeSum selection (201 articles), one document per article. */
  @BeforeAll
  static void index() throws IOException {
    dir = new ByteBuffersDirectory();
    reader = selection(dir, FIELD);
  }

  /**
   * Indexes the words of the shipped OrangeSum selection into {@code dir}, one document per article
   * in {@code field}, with no stop words; returns a reader of it.
   */
  static DirectoryReader selection(ByteBuffersDirectory dir, String field) throws IOException {
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer(CharArraySet.EMPTY_SET)))) {
      for (String line : Files.readAllLines(Path.of("corpus/orangesum-selection.jsonl"), StandardCharsets.UTF_8)) {
        Document d = new Document();
        d.add(new TextField(field, line, Field.Store.NO));
        w.addDocument(d);
      }
    }
    return DirectoryReader.open(dir);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    dir.close();
  }

  @Test
  void givesTheSpellCheckersSuggestionForWordsOfTheIndexAndMisspellings() throws IOException {
    List<String> words = new ArrayList<>();
    TermsEnum terms = MultiTerms.getTerms(reader, FIELD).iterator();
    int n = 0;
    for (BytesRef t = terms.next(); t != null; t = terms.next()) {
      if (n++ % 150 == 0) {
        String word = t.utf8ToString();
        words.add(word);
        if (word.length() >= 5) {
          words.add(word.substring(0, 2) + word.substring(3)); // a letter dropped
          words.add(word.substring(0, 2) + word.charAt(3) + word.charAt(2) + word.substring(4)); // two swapped
          words.add(word.substring(0, word.length() - 2) + "xq"); // two replaced
        }
      }
    }
    int found = 0;
    for (String word : words) {
      for (SuggestMode mode : new SuggestMode[] {SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, SuggestMode.SUGGEST_MORE_POPULAR}) {
        // 100 as depeche ranks them; 2, so that the first pass often fills up and the second is skipped.
        for (int inspections : new int[] {100, 2}) {
          Term term = new Term(FIELD, word);
          DirectSpellChecker checker = new DirectSpellChecker();
          checker.setMaxInspections(inspections);
          SuggestWord[] expected = checker.suggestSimilar(term, 1, reader, mode);
          SuggestWord actual = ClosestTerm.of(term, reader, mode, inspections);
          String context = word + " " + mode + " " + inspections;
          if (expected.length == 0) {
            assertEquals(null, actual == null ? null : actual.string, context);
          } else {
            assertNotNull(actual, context);
            assertEquals(expected[0].string, actual.string, context);
            assertEquals(expected[0].freq, actual.freq, context);
            assertEquals(expected[0].score, actual.score, context);
            found++;
          }
        }
      }
    }
    assertTrue(words.size() > 300 && found > 500, words.size() + " words, " + found + " suggestions");
  }

  @Test
  void looksTwoEditsAwayOnlyWhenNoTermIsOneEditAway() throws IOException {
    AtomicInteger asked = new AtomicInteger();
    try (DirectoryReader counting = DocFreqsTest.counting(DirectoryReader.open(dir), asked)) {
      DirectSpellChecker checker = new DirectSpellChecker();
      checker.setMaxInspections(100);
      Term oneEditAway = new Term(FIELD, "bamacko");
      assertEquals("bamako", checker.suggestSimilar(oneEditAway, 1, counting)[0].string);
      int twoPasses = asked.getAndSet(0);
      assertEquals("bamako", ClosestTerm.of(oneEditAway, counting, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, 100).string);
      int onePass = asked.getAndSet(0);
      assertTrue(onePass < twoPasses, "the terms enumerated " + onePass + " times, against " + twoPasses);

      Term twoEditsAway = new Term(FIELD, "bamacku");
      assertEquals("bamako", ClosestTerm.of(twoEditsAway, counting, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, 100).string);
    }
  }

  @Test
  void looksOneEditAwayOnceWhenNoTermIsOneEditAway() throws IOException {
    AtomicInteger asked = new AtomicInteger();
    try (DirectoryReader counting = DocFreqsTest.counting(DirectoryReader.open(dir), asked)) {
      DirectSpellChecker checker = new DirectSpellChecker();
      checker.setMaxInspections(100);
      Term twoEditsAway = new Term(FIELD, "bamacku");
      assertEquals("bamako", checker.suggestSimilar(twoEditsAway, 1, counting)[0].string);
      int checkers = asked.getAndSet(0);
      assertEquals("bamako", ClosestTerm.of(twoEditsAway, counting, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, 100).string);
      assertEquals(checkers, asked.get(), "the terms enumerated as often as by the checker alone");
    }
  }

  @Test
  void buildsTheAutomataOfATextOnceForBothFieldsAndRepeats() throws IOException {
    try (ByteBuffersDirectory other = new ByteBuffersDirectory()) {
      IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer(CharArraySet.EMPTY_SET));
      try (IndexWriter w = new IndexWriter(other, config)) {
        Document d = new Document();
        d.add(new TextField("g", "bamako bamakos bagdad", Field.Store.NO));
        w.addDocument(d);
      }
      try (DirectoryReader g = DirectoryReader.open(other)) {
        long before = ClosestTerm.automataBuilt();
        // No term one edit away: the automata at one edit, then at two.
        assertEquals("bamako", closest(new Term(FIELD, "bamackou"), reader));
        assertEquals(2, ClosestTerm.automataBuilt() - before);
        // The same text in another field and index, and again: the same automata, the field's own terms.
        assertEquals("bamakos", closest(new Term("g", "bamackou"), g));
        assertEquals("bamako", closest(new Term(FIELD, "bamackou"), reader));
        assertEquals(2, ClosestTerm.automataBuilt() - before);
      }
    }
  }

  @Test
  void keepsAutomataOfLongWordsWithinTheThreadsBudget() throws IOException {
    // 16 words of 255 letters (the tokenizer's longest), 45 letters of an alphabet: about 5.8 MB of
    // automata each at one and two edits, so the second evicts the first. Each has a twin in the
    // index, three transpositions away, so that no exact pre-check (NoCloseTerm) spares the
    // automata, and no suggestion either.
    java.util.Random random = new java.util.Random(5);
    List<String> words = new ArrayList<>();
    try (ByteBuffersDirectory twins = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(twins, new IndexWriterConfig(new StandardAnalyzer(CharArraySet.EMPTY_SET)))) {
        for (int n = 0; n < ClosestTerm.AUTOMATA_KEPT / 2; n++) {
          StringBuilder word = new StringBuilder();
          for (int i = 0; i < 255; i++) {
            word.append((char) (0x0E01 + random.nextInt(45)));
          }
          words.add(word.toString());
          StringBuilder twin = new StringBuilder(word);
          for (int at = 2, swaps = 0; swaps < 3; at++) {
            if (twin.charAt(at) != twin.charAt(at + 1)) {
              char c = twin.charAt(at);
              twin.setCharAt(at, twin.charAt(at + 1));
              twin.setCharAt(at + 1, c);
              swaps++;
              at += 3;
            }
          }
          Document d = new Document();
          d.add(new StringField(FIELD, twin.toString(), Field.Store.NO));
          w.addDocument(d);
        }
      }
      try (DirectoryReader in = DirectoryReader.open(twins)) {
        long built = ClosestTerm.automataBuilt();
        for (String word : words) {
          assertEquals(null, ClosestTerm.of(new Term(FIELD, word), in, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, 100));
          assertTrue(ClosestTerm.keptBytes() <= ClosestTerm.BYTES_KEPT,
              ClosestTerm.keptBytes() + " bytes kept after " + word);
        }
        assertEquals(2 * words.size(), ClosestTerm.automataBuilt() - built, "automata built");
      }
    }
    // Short words are kept as before: a second look-up builds nothing.
    assertEquals("bamako", closest(new Term(FIELD, "bamakko"), reader));
    long built = ClosestTerm.automataBuilt();
    assertEquals("bamako", closest(new Term(FIELD, "bamakko"), reader));
    assertEquals(built, ClosestTerm.automataBuilt());
  }

  private static String closest(Term term, DirectoryReader in) throws IOException {
    return ClosestTerm.of(term, in, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, 100).string;
  }
}
