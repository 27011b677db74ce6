package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.depeche.DepecheIndex;
import org.depeche.IndexingListener;
import org.depeche.QuerySyntaxException;
import org.depeche.SearchResults;
import org.depeche.analysis.Analysis;
import org.depeche.analysis.Token;

/**
 * Queries cannot hurt: any string, random or built from the pieces of the syntax and of hostile
 * text (unbalanced quotes and « », lone operators, stray colons and field prefixes, {@code *} and
 * {@code ?}, control characters, emoji, lone surrogates, right-to-left text, 10,000-character
 * queries), either searches or fails with a {@link QuerySyntaxException} that names a position
 * inside the query; and the analyzer turns any text into tokens whose offsets lie within it.
 * Searched against an index of the test corpus ({@code src/test/resources/corpus}).
 */
class QueryPropertiesTest {
  private static final List<String> PIECES = List.of(
      "\"", "«", "»", "“", "”", "-", "--", "OR", "AND", "NOT", "title:", "titre:", "source:", "TITLE:",
      ":", "::", "*", "?", "Mali*", "?ali", "*ouv*", "(", ")", "~", "^2", "\\", "/", "+", "&&", "||",
      " ", "  ", "\t", "\n", "\r\n", "\u0000", "\u0007", "\u001b[31m", "\u00a0", "\u200b", "\u202e",
      "\uFEFF", "😀", "👍🏽", "\uD83D", "\uDE00", "مالي", "שלום", "ελληνικά", "日本語", "Royaume-Uni",
      "l'", "L’", "qu’", "a-t-il", "responsabilité", "Bamako", "Heappey", "le", "de", "la", "ŒUVRE",
      "3.5", "1.000", "https://example.org/x?y=1", "M.", "—", "…", "'", "’", "-\"", "-«", "OR-");

  private static Path dir;
  private static DepecheIndex index;

  @BeforeContainer
  static void indexTheTestCorpus() throws Exception {
    dir = Files.createTempDirectory("depeche-properties-");
    Path corpus = Path.of(QueryPropertiesTest.class.getResource("/corpus/royaume-uni-retrait-mali.txt").toURI())
        .getParent();
    index = DepecheIndex.openForWriting(dir.resolve("index"));
    index.addFiles(List.of(corpus), IndexingListener.SILENT);
  }

  @AfterContainer
  static void deleteTheIndex() throws IOException {
    index.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> spaced() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<String> huge() {
    return Arbitraries.of(PIECES).list().ofMinSize(2_000).ofMaxSize(4_000)
        .map(l -> String.join(" ", l))
        .map(s -> s.length() > 10_000 ? s.substring(0, 10_000) : s);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().all().ofMaxLength(300);
  }

  @Property(tries = 500)
  void anyStringSearchesOrIsASyntaxError(@ForAll("anyText") String query) {
    searchesOrFailsCleanly(query);
  }

  @Property(tries = 1_000)
  void hostilePiecesSearchOrAreASyntaxError(@ForAll("hostile") String query) {
    searchesOrFailsCleanly(query);
  }

  @Property(tries = 1_000)
  void spacedHostilePiecesSearchOrAreASyntaxError(@ForAll("spaced") String query) {
    searchesOrFailsCleanly(query);
  }

  @Property(tries = 30)
  void tenThousandCharacterQueriesSearchOrAreASyntaxError(@ForAll("huge") String query) {
    searchesOrFailsCleanly(query);
  }

  @Example
  void tenThousandDistinctWordsSearch() {
    StringBuilder q = new StringBuilder();
    for (int i = 0; q.length() < 10_000; i++) {
      q.append("mot").append(i).append(' ');
    }
    for (String query : List.of(q.toString(), q.toString().replace(" ", " OR "), "\"" + q + "\"",
        q.toString().replace(" ", "-"), q.toString().replace(" ", ","), "-Mali " + q.toString().replace("mot", "-mot"),
        "title:" + q.toString().replace(" ", " title:"))) {
      searchesOrFailsCleanly(query);
    }
  }

  @Example
  void aQueryOfMoreThanTheMostTermsIsASyntaxErrorAtTheWordThatGoesPast() {
    String query = "Bamako ".repeat(QueryCompiler.MAX_TERMS) + "Heappey";
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class,
        () -> index.search(query));
    assertEquals("too many words: a query may give at most "
        + QueryCompiler.MAX_TERMS + " terms at position " + (query.length() - "Heappey".length() + 1), e.getMessage());
    searchesOrFailsCleanly("Bamako ".repeat(QueryCompiler.MAX_TERMS));
  }

  @Property(tries = 1_000)
  void theAnalyzerTurnsAnyTextIntoTokensWithinIt(@ForAll("anyText") String text) {
    tokensLieWithin(text);
  }

  @Property(tries = 1_000)
  void theAnalyzerTurnsHostileTextIntoTokensWithinIt(@ForAll("hostile") String text) {
    tokensLieWithin(text);
  }

  private static void searchesOrFailsCleanly(String query) {
    long started = System.nanoTime();
    try {
      SearchResults r = index.search(query);
      assertTrue(r.hits().size() <= r.totalHits(), query);
    } catch (QuerySyntaxException e) {
      assertTrue(e.position() >= 1 && e.position() <= Math.max(1, query.length()),
          "position " + e.position() + " outside the query: " + e.getMessage());
      assertTrue(!e.getMessage().isBlank() && e.getMessage().lines().count() == 1, e.getMessage());
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(millis < 2_000, "took " + millis + " ms: " + query);
  }

  private static void tokensLieWithin(String text) {
    int position = -1;
    for (Token t : Analysis.tokens(text)) {
      assertTrue(0 <= t.start() && t.start() <= t.end() && t.end() <= text.length(), t + " in " + text.length());
      assertTrue(t.position() >= position, "positions never go back: " + t);
      assertTrue(!t.term().isEmpty(), t.toString());
      position = t.position();
    }
  }
}
