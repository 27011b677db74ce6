package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.depeche.Article;
import org.depeche.DepecheIndex;
import org.depeche.Snippet;
import org.depeche.TextAnalyzer;
import org.depeche.index.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link SnippetMaker#snippets}, which marks the positions the index's postings give, on a tiny
 * index: the tricky cases of the analyzer (hyphens, elisions, a repeated term, synonyms, a title
 * holding the words too) give the snippets the passage's analysis gives.
 */
class IndexedSnippetsTest {
  @TempDir static Path dir;
  static DirectoryReader reader;
  static IndexSearcher searcher;
  static final Analyzer ANALYZER = Schema.analyzer(TextAnalyzer.DEPECHE);

  static final String FILLER = "Les discussions se sont poursuivies toute la journée entre les délégations. ";

  @BeforeAll
  static void index() throws IOException {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      index.add(Article.builder("mali").title("Le Royaume-Uni quitte le Mali et l’ONU").text(
          "Le Royaume-Uni a-t-il retiré ses troupes du Mali ? Le Royaume-Uni l’a confirmé, dit-il.\n\n"
              + "L’ONU et l'Union européenne parlent de sécurité, de sécurité durable et encore de sécurité.\n\n"
              + "Les Nations unies saluent le cœur de la mission, selon les États-Unis.\n\n"
              + FILLER.repeat(3) + "Un premier mot sur Bamako seul. " + FILLER.repeat(3)
              + "La responsabilité de tout cela incombe à Bamako, selon Londres. " + FILLER.repeat(3) + "\n\n"
              + "Rien ici.")
          .build());
      index.commit();
    }
    reader = DirectoryReader.open(FSDirectory.open(dir));
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  /** The terms the query highlights, synonyms added as a search adds them. */
  private static Set<String> terms(String query) {
    ParsedQuery parsed = Synonyms.defaults().expand(QueryParser.parse(query));
    return QueryCompiler.compile(parsed, ANALYZER, reader, true, 0).highlightTerms();
  }

  private static int doc(String passageId) throws IOException {
    return searcher.search(new TermQuery(new Term(Schema.PASSAGE_ID, passageId)), 1).scoreDocs[0].doc;
  }

  private static String text(int doc) throws IOException {
    return org.depeche.index.PassageRecord.read(reader, new int[] {doc})[0].text();
  }

  @ParameterizedTest(name = "{0} in passage {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      Mali                    | 0 | Le Royaume-Uni a-t-il retiré ses troupes du <em>Mali</em> ? Le Royaume-Uni l’a confirmé, dit-il.
      royaume-uni             | 0 | Le <em>Royaume-Uni</em> a-t-il retiré ses troupes du Mali ? Le <em>Royaume-Uni</em> l’a confirmé, dit-il.
      uni                     | 0 | Le Royaume-<em>Uni</em> a-t-il retiré ses troupes du Mali ? Le Royaume-<em>Uni</em> l’a confirmé, dit-il.
      royaume                 | 0 | Le <em>Royaume</em>-Uni a-t-il retiré ses troupes du Mali ? Le <em>Royaume</em>-Uni l’a confirmé, dit-il.
      a-t-il retiré confirmer | 0 | Le Royaume-Uni a-t-il <em>retiré</em> ses troupes du Mali ? Le Royaume-Uni l’a <em>confirmé</em>, dit-il.
      l'ONU                   | 1 | L’<em>ONU</em> et l'Union européenne parlent de sécurité, de sécurité durable et encore de sécurité.
      d’Union securite        | 1 | L’ONU et l'<em>Union</em> européenne parlent de <em>sécurité</em>, de <em>sécurité</em> durable et encore de <em>sécurité</em>.
      UE                      | 1 | L’ONU et l'<em>Union</em> <em>européenne</em> parlent de sécurité, de sécurité durable et encore de sécurité.
      ONU                     | 2 | Les <em>Nations</em> <em>unies</em> saluent le cœur de la mission, selon les États-<em>Unis</em>.
      coeur USA               | 2 | Les Nations <em>unies</em> saluent le <em>cœur</em> de la mission, selon les <em>États-Unis</em>.
      title:Mali              | 4 | Rien ici.
      """)
  void marksWhatTheAnalysisMarks(String query, int passage, String html) throws IOException {
    int doc = doc("mali#" + passage);
    String text = text(doc);
    Set<String> terms = terms(query);
    Snippet indexed = SnippetMaker.snippets(reader, new int[] {doc}, List.of(text), terms, ANALYZER,
        SnippetMaker.DEFAULT_MAX_CHARS).getFirst();
    assertEquals(html, indexed.toHtml());
    assertEquals(SnippetMaker.snippet(text, terms, ANALYZER, SnippetMaker.DEFAULT_MAX_CHARS), indexed);
  }

  @Test
  void aLongPassageIsCutAroundTheSameWindow() throws IOException {
    int doc = doc("mali#3");
    String text = text(doc);
    Set<String> terms = terms("responsabilité Bamako");
    Snippet indexed = SnippetMaker.snippets(reader, new int[] {doc}, List.of(text), terms, ANALYZER, 160).getFirst();
    assertEquals(SnippetMaker.snippet(text, terms, ANALYZER, 160), indexed);
    assertTrue(indexed.toHtml().contains("La <em>responsabilité</em> de tout cela incombe à <em>Bamako</em>"),
        indexed.toHtml());
  }

  @Test
  void givesEachDocumentItsSnippetWhateverTheOrderAsked() throws IOException {
    int[] docs = {doc("mali#2"), doc("mali#0"), doc("mali#1"), doc("mali#0")};
    List<String> texts = new ArrayList<>();
    for (int d : docs) {
      texts.add(text(d));
    }
    Set<String> terms = terms("Mali ONU coeur");
    List<Snippet> indexed = SnippetMaker.snippets(reader, docs, texts, terms, ANALYZER, SnippetMaker.DEFAULT_MAX_CHARS);
    for (int i = 0; i < docs.length; i++) {
      assertEquals(SnippetMaker.snippet(texts.get(i), terms, ANALYZER, SnippetMaker.DEFAULT_MAX_CHARS), indexed.get(i));
    }
  }

  @Test
  void takesTheMatchesFromTheIndexedPositionsNotFromAnAnalysis() throws IOException {
    // Given another text than the one indexed, the words at the indexed positions are marked:
    // proof that no lemma was looked up (the analysis of this text would mark nothing).
    int doc = doc("mali#2");
    Snippet indexed = SnippetMaker.snippets(reader, new int[] {doc},
        List.of("Les Accords durables saluent le vent de la mission, selon les Pays-Bas."), terms("coeur"), ANALYZER,
        SnippetMaker.DEFAULT_MAX_CHARS).getFirst();
    assertEquals("Les Accords durables saluent le <em>vent</em> de la mission, selon les Pays-Bas.", indexed.toHtml());
  }

  @Test
  void readsThePostingsFromTheSearchsTermStatesWithoutSeekingTheTermsAgain() throws IOException {
    AtomicInteger seeks = new AtomicInteger();
    DirectoryReader counting = RescorerTest.seeking(reader, seeks);
    // The search looks the query's terms up as it compiles it; the snippets take them from there.
    DocFreqs docFreqs = new DocFreqs(counting);
    ParsedQuery parsed = Synonyms.defaults().expand(QueryParser.parse("Mali ONU coeur"));
    Set<String> terms = QueryCompiler.compile(parsed, ANALYZER, docFreqs, true, 0).highlightTerms();
    int[] docs = {doc("mali#2"), doc("mali#0"), doc("mali#1")};
    List<String> texts = new ArrayList<>();
    for (int d : docs) {
      texts.add(text(d));
    }
    seeks.set(0);
    List<Snippet> indexed = SnippetMaker.snippets(counting, docFreqs, docs, texts, terms, ANALYZER,
        SnippetMaker.DEFAULT_MAX_CHARS);
    assertEquals(0, seeks.get(), "terms sought again");
    for (int i = 0; i < docs.length; i++) {
      assertEquals(SnippetMaker.snippet(texts.get(i), terms, ANALYZER, SnippetMaker.DEFAULT_MAX_CHARS), indexed.get(i));
    }
  }
}
