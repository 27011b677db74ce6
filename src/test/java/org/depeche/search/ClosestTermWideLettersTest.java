package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * {@link ClosestTerm} on terms of letters of every UTF-8 length (1 to 4 bytes, and the edges of
 * each: U+0080, U+07FF, U+0800, U+E000 private use, U+FFFF, U+10000, U+10FFFF, CJK, emoji): on
 * random indexes of such terms, in one to three segments, and random misspellings of them, the
 * automaton it walks the terms with ({@link ClosestTerm#compile}, from {@link Utf8Automaton})
 * finds the terms Lucene's {@link FuzzyTermsEnum} finds, in the same order, each with the score
 * Lucene gives it; and its correction is {@link DirectSpellChecker}'s, in both suggest modes and
 * whatever the number of candidates ranked.
 */
class ClosestTermWideLettersTest {
  private static final String FIELD = "f";

  /** Lower-case letters (the checker lower-cases the query), of 1, 2, 3 and 4 bytes in UTF-8. */
  private static final String[] LETTERS = {
      "a", "e", "s", "\u007F",
      "é", "ß", "\u0080", "\u07FF",
      "\u0800", "中", "文", "\uE000", "\uFFFD", "\uFFFF",
      "\uD800\uDC00", "\uD83D\uDE00", "\uD83D\uDE01", new String(Character.toChars(Character.MAX_CODE_POINT))};

  private static final List<AutoCloseable> OPEN = new ArrayList<>();

  @AfterContainer
  static void close() throws Exception {
    for (AutoCloseable c : OPEN) {
      c.close();
    }
  }

  /** An index of a few dozen words over a few of the letters, each in one to three documents. */
  private static DirectoryReader index(Random random, String[] alphabet) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter w = new IndexWriter(dir, config)) {
      int words = 20 + random.nextInt(40);
      for (int i = 0; i < words; i++) {
        String word = word(random, alphabet, 2 + random.nextInt(7));
        for (int d = random.nextInt(3); d >= 0; d--) {
          Document doc = new Document();
          doc.add(new StringField(FIELD, word, Field.Store.NO));
          w.addDocument(doc);
        }
        if (random.nextInt(20) == 0) {
          w.commit();
        }
      }
    }
    DirectoryReader reader = DirectoryReader.open(dir);
    OPEN.add(reader);
    OPEN.add(dir);
    return reader;
  }

  private static String word(Random random, String[] alphabet, int letters) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < letters; i++) {
      b.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return b.toString();
  }

  @Property(tries = 150, seed = "18")
  void findsLucenesTermsScoresAndCorrectionOnLettersOfEveryLength(@ForAll long seed) throws IOException {
    Random random = new Random(seed);
    String[] alphabet = new String[2 + random.nextInt(6)];
    for (int i = 0; i < alphabet.length; i++) {
      alphabet[i] = LETTERS[random.nextInt(LETTERS.length)];
    }
    DirectoryReader reader = index(random, alphabet);
    Terms terms = MultiTerms.getTerms(reader, FIELD);
    List<String> words = new ArrayList<>();
    TermsEnum all = terms.iterator();
    for (BytesRef t = all.next(); t != null; t = all.next()) {
      words.add(t.utf8ToString());
    }
    for (int q = 0; q < 8; q++) {
      String text = random.nextInt(5) == 0 ? word(random, alphabet, 1 + random.nextInt(8))
          : Misspellings.misspell(words.get(random.nextInt(words.size())), random.nextInt(4),
              () -> alphabet[random.nextInt(alphabet.length)], random);
      String context = text.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList() + " in " + words.stream()
          .map(w -> w.codePoints().mapToObj(c -> String.format("%X", c)).toList()).toList();
      // A prefix as long as the text or longer included: Lucene 10.6's enum (and its automaton, as
      // EditAutomaton) still allows the edits after it. Not for the empty text, whose edits it drops
      // (their boost, 1 - edits / 0, is never competitive): a text no checker looks up.
      for (int edits = 1; edits <= 2 && !text.isEmpty(); edits++) {
        for (int prefix = 0; prefix <= 2; prefix++) {
          assertEquals(lucenes(terms, text, edits, prefix), ours(terms, text, edits, prefix),
              context + " at " + edits + " edits, prefix " + prefix);
        }
      }
      for (SuggestMode mode : new SuggestMode[] {SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, SuggestMode.SUGGEST_MORE_POPULAR}) {
        for (int inspections : new int[] {1, 2, 100}) {
          DirectSpellChecker checker = new DirectSpellChecker();
          checker.setMaxInspections(inspections);
          SuggestWord[] expected = checker.suggestSimilar(new Term(FIELD, text), 1, reader, mode);
          SuggestWord actual = ClosestTerm.of(new Term(FIELD, text), reader, mode, inspections);
          assertEquals(expected.length == 0 ? "none" : show(expected[0]), actual == null ? "none" : show(actual),
              context + " " + mode + " " + inspections);
        }
      }
    }
  }

  /** The terms {@link FuzzyTermsEnum} finds, in its order, each with its score (Lucene's boost). */
  private static List<String> lucenes(Terms terms, String text, int edits, int prefix) throws IOException {
    FuzzyTermsEnum e = new FuzzyTermsEnum(terms, new Term(FIELD, text), edits, prefix, true);
    List<String> found = new ArrayList<>();
    for (BytesRef t = e.next(); t != null; t = e.next()) {
      found.add(t.utf8ToString() + " " + e.getBoost());
    }
    return found;
  }

  /**
   * The terms {@link ClosestTerm}'s automaton finds, in its order, each scored as {@link ClosestTerm}
   * scores it: its edits the fewest whose automaton accepts it.
   */
  private static List<String> ours(Terms terms, String text, int edits, int prefix) throws IOException {
    CompiledAutomaton[] within = new CompiledAutomaton[edits + 1];
    for (int k = 1; k <= edits; k++) {
      within[k] = ClosestTerm.compile(text, k, prefix);
    }
    BytesRef query = new BytesRef(text);
    int length = text.codePointCount(0, text.length());
    TermsEnum e = within[edits].getTermsEnum(terms);
    List<String> found = new ArrayList<>();
    for (BytesRef t = e.next(); t != null; t = e.next()) {
      int ed = edits;
      while (ed > 0 && (ed == 1 ? t.bytesEquals(query) : within[ed - 1].runAutomaton.run(t.bytes, t.offset, t.length))) {
        ed--;
      }
      float score = ed == 0 ? 1.0f : 1.0f - ((float) ed / (float) Math.min(UnicodeUtil.codePointCount(t), length));
      found.add(t.utf8ToString() + " " + score);
    }
    return found;
  }

  private static String show(SuggestWord w) {
    return w.string + " " + w.freq + " " + w.score;
  }
}
