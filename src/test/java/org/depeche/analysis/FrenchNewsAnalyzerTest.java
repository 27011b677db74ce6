package org.depeche.analysis;

import static org.depeche.analysis.AnalysisAssertions.assertAnalyzesTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class FrenchNewsAnalyzerTest {
  private static final Analyzer ANALYZER = new FrenchNewsAnalyzer();

  @AfterAll
  static void close() {
    ANALYZER.close();
  }

  private static List<String> terms(String text) {
    return Analysis.tokens(ANALYZER, text).stream().map(Token::term).toList();
  }

  @Test
  void unaccentedQueryMatchesAccentedText() {
    String[][] pairs = {
      {"sécurité", "securite"},
      {"être", "etre"},
      {"cœur", "coeur"},
      {"Œuvre", "oeuvre"},
      {"déployés", "deployes"},
      {"hôte", "hote"},
      {"États-Unis", "Etats-Unis"},
      {"l’armée française", "l'armee francaise"},
      {"Mélenchon", "melenchon"},
      {"naïveté", "naivete"},
    };
    for (String[] pair : pairs) {
      assertEquals(terms(pair[0]), terms(pair[1]), pair[0] + " / " + pair[1]);
    }
  }

  @Test
  void singularAndPluralMeetAtOneTerm() {
    assertEquals(terms("militaire"), terms("militaires"));
    assertEquals(terms("britannique"), terms("britanniques"));
    assertEquals(terms("sécurité"), terms("sécurités"));
  }

  @Test
  void offsetsPointAtTheOriginalCharacters() {
    assertEquals(List.of(new Token("onu", 0, 2, 5)), Analysis.tokens(ANALYZER, "L’ONU"));
    String text = "Le Royaume-Uni quitte l’ONU, a-t-il ajouté.";
    for (Token token : Analysis.tokens(ANALYZER, text)) {
      String original = text.substring(token.start(), token.end());
      switch (token.term()) {
        case "royaumeuni" -> assertEquals("Royaume-Uni", original);
        case "royaum" -> assertEquals("Royaume", original);
        case "unir" -> assertEquals("Uni", original);
        case "quit" -> assertEquals("quitte", original);
        case "onu" -> assertEquals("ONU", original);
        case "ajout" -> assertEquals("ajouté", original);
        default -> throw new AssertionError("unexpected term " + token);
      }
    }
  }

  @Test
  void stopWordsLeaveGapsInPositions() {
    assertEquals(
        List.of(new Token("retrait", 1, 3, 10), new Token("armee", 3, 16, 21)),
        Analysis.tokens(ANALYZER, "Le retrait de l’armée"));
  }

  @Test
  void euphonicTLeavesNoTokenAndNoGap() {
    assertAnalyzesTo(ANALYZER, "a-t-il ajouté", "_ _ ajout");
    assertAnalyzesTo(ANALYZER, "il a ajouté", "_ _ ajout");
  }

  @Test
  void hyphenatedWordIsFoundAsPhraseByItsPartsAndWrittenTogether() throws Exception {
    try (Directory directory = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
        for (String text :
            List.of(
                "Le Royaume-Uni a annoncé le retrait",
                "un royaume uni par la guerre",
                "la position vis-à-vis de Bamako",
                "les États-Unis et le Royaume-Uni")) {
          Document document = new Document();
          document.add(new TextField("text", text, Field.Store.YES));
          writer.addDocument(document);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        assertEquals(3, hits(searcher, "\"Royaume-Uni\""));
        assertEquals(3, hits(searcher, "\"royaume uni\""));
        assertEquals(2, hits(searcher, "royaumeuni"));
        assertEquals(1, hits(searcher, "\"le Royaume-Uni a annoncé\""));
        assertEquals(1, hits(searcher, "\"États-Unis et le Royaume-Uni\""));
        assertEquals(1, hits(searcher, "\"vis-à-vis de Bamako\""));
        assertEquals(1, hits(searcher, "\"vis a vis\""));
        assertEquals(0, hits(searcher, "\"Royaume-Uni guerre\""));
      }
    }
  }

  private static int hits(IndexSearcher searcher, String query) throws ParseException, IOException {
    return searcher.count(new QueryParser("text", ANALYZER).parse(query));
  }

  @Test
  void stemmedTokensCarryTheUnstemmedAnalyzersWords() throws IOException {
    String text = "Les militaires britanniques, l’Œuvre du Royaume-Uni : il faisait 14,5 % à Bamako.";
    List<String> words = Analysis.tokens(FrenchNewsAnalyzer.unstemmed(), text).stream().map(Token::term).toList();
    assertEquals(List.of("militaires", "britanniques", "oeuvre", "royaumeuni", "royaume", "uni", "faisait", "14,5",
        "bamako"), words);
    for (Analyzer stemmed : List.of(ANALYZER, FrenchNewsAnalyzer.lightStemmed())) {
      assertEquals(words, unstemmedTerms(stemmed, text));
    }
  }

  private static List<String> unstemmedTerms(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      UnstemmedTermAttribute unstemmed = ts.getAttribute(UnstemmedTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new String(unstemmed.buffer(), 0, unstemmed.length()));
      }
      ts.end();
    }
    return out;
  }

  @Test
  void randomTextNeverBreaksTheAnalyzer() throws IOException {
    Random random = new Random(20221115);
    String alphabet = "aàâçéèêëîïôœùûüÿAÉŒ'’ʼ‘-‐‑_ ,.«»!?0123456789tl";
    for (int i = 0; i < 5_000; i++) {
      String text = randomText(random, alphabet);
      checkStream(text);
      assertEquals(Analysis.tokens(ANALYZER, text), Analysis.tokens(ANALYZER, text), "reuse");
    }
  }

  private static String randomText(Random random, String alphabet) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
      // Valid UTF-16 only, as Lucene's random tests: a lone surrogate is no text.
      if (random.nextInt(4) == 0 && Character.getType(codePoint) != Character.SURROGATE) {
        text.appendCodePoint(codePoint);
      } else {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
    return text.toString();
  }

  /** The checks of Lucene's {@code BaseTokenStreamTestCase.checkRandomData}, in small. */
  private static void checkStream(String text) throws IOException {
    try (TokenStream stream = ANALYZER.tokenStream(Analysis.FIELD, text)) {
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
      stream.reset();
      int lastStart = 0;
      boolean first = true;
      while (stream.incrementToken()) {
        String where = "«" + text + "» at " + offset.startOffset();
        assertTrue(increment.getPositionIncrement() >= (first ? 1 : 0), where);
        assertTrue(length.getPositionLength() >= 1, where);
        assertTrue(offset.startOffset() >= lastStart, "offsets go backwards: " + where);
        assertTrue(offset.startOffset() <= offset.endOffset(), where);
        assertTrue(offset.endOffset() <= text.length(), where);
        lastStart = offset.startOffset();
        first = false;
      }
      stream.end();
      assertEquals(text.length(), offset.endOffset(), "final offset of «" + text + "»");
    }
  }
}
