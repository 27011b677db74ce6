package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.depeche.analysis.FrenchNewsAnalyzer;
import org.depeche.index.Schema;
import org.junit.jupiter.api.Test;

/**
 * {@link ProximityPairQuery} finds and scores what Lucene's sloppy {@link PhraseQuery} of the same
 * two terms does, with the terms' look-ups the search's {@link DocFreqs} already made.
 */
class ProximityPairQueryTest {
  private static final String[] TEXTS = {
    "tigre lion", "tigre et le lion", "lion tigre féroce", "tigre a b c d lion", "tigre tigre lion lion",
    "le tigre du bengale et le lion de l atlas chassent le tigre féroce", "lion", "tigre", "zèbre tigre x lion féroce",
  };

  @Test
  void findsAndScoresAsLucenesPhraseQuery() throws IOException {
    try (ByteBuffersDirectory dir = indexOf("f", new WhitespaceAnalyzer(), TEXTS);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      DocFreqs docFreqs = new DocFreqs(reader);
      IndexSearcher other = new IndexSearcher(DirectoryReader.open(dir));
      String[][] pairs = {{"tigre", "lion"}, {"lion", "tigre"}, {"tigre", "tigre"}, {"le", "lion"},
          {"tigre", "gnou"}, {"gnou", "ours"}};
      for (String[] p : pairs) {
        Term a = new Term("f", p[0]);
        Term b = new Term("f", p[1]);
        Query lucene = new BoostQuery(new PhraseQuery(QueryCompiler.PROXIMITY_SLOP, "f", p[0], p[1]), 0.3f);
        Query ours = new BoostQuery(new ProximityPairQuery(QueryCompiler.PROXIMITY_SLOP, a, docFreqs.states(a), b,
            docFreqs.states(b)), 0.3f);
        String pair = p[0] + " " + p[1];
        assertSameHits(searcher.search(lucene, 20), searcher.search(ours, 20), pair + ", top scores");
        assertSameHits(searcher.search(lucene, new TopScoreDocCollectorManager(20, Integer.MAX_VALUE)),
            searcher.search(ours, new TopScoreDocCollectorManager(20, Integer.MAX_VALUE)), pair + ", every hit counted");
        // States built for another reader are not used: the weight looks the terms up itself.
        assertSameHits(other.search(lucene, 20), other.search(ours, 20), pair + ", another reader");
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
          assertEquals(searcher.explain(lucene, doc).toString(), searcher.explain(ours, doc).toString(),
              pair + ", document " + doc);
        }
      }
      other.getIndexReader().close();
    }
  }

  @Test
  void matchesEitherOrderWithinTheSlop() throws IOException {
    // Slop 3 counts the moves that bring the second word right after the first: up to 3 words
    // between them in order, up to 1 in the reverse order, and the two at one position.
    String[] texts = {"tigre lion", "tigre a b c lion", "tigre a b c d lion", "lion tigre", "lion x tigre",
        "lion x y tigre"};
    try (ByteBuffersDirectory dir = indexOf("f", new WhitespaceAnalyzer(), texts);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Term a = new Term("f", "tigre");
      Term b = new Term("f", "lion");
      DocFreqs docFreqs = new DocFreqs(reader);
      ProximityPairQuery pair = new ProximityPairQuery(QueryCompiler.PROXIMITY_SLOP, a, docFreqs.states(a), b,
          docFreqs.states(b));
      List<String> matched = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(pair, 10).scoreDocs) {
        matched.add(texts[hit.doc]);
      }
      matched.sort(null);
      assertEquals(List.of("lion tigre", "lion x tigre", "tigre a b c lion", "tigre lion"), matched);
    }
  }

  @Test
  void thePairsOfACompiledQueryLookNoTermUpAgain() throws IOException {
    FrenchNewsAnalyzer analyzer = new FrenchNewsAnalyzer();
    try (ByteBuffersDirectory dir = indexOf(null, analyzer, TEXTS);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      // Its words are in every segment: Lucene's assertions look a term missing from one up again.
      AtomicInteger seeks = new AtomicInteger();
      try (DirectoryReader counting = RescorerTest.seeking(DirectoryReader.open(dir), seeks)) {
        IndexSearcher searcher = new IndexSearcher(counting);
        QueryCompiler.Compiled compiled = QueryCompiler.compile(QueryParser.parse("le tigre et le lion féroce"),
            analyzer, new DocFreqs(counting), true, 0.3f);
        assertTrue(pairsOf(compiled.articleQuery()).size() >= 2, compiled.articleQuery().toString());
        int looked = seeks.get();
        assertTrue(looked > 0, "the words are looked up while compiling");
        TopDocs passages = searcher.search(compiled.query(), 10);
        TopDocs articles = searcher.search(compiled.articleQuery(), 10);
        assertEquals(looked, seeks.get(), "searching looked terms up again");
        // The same hits and scores as the query with Lucene's phrase queries in place of the pairs.
        IndexSearcher plain = new IndexSearcher(reader);
        assertSameHits(plain.search(withLucenePhrases(compiled.query()), 10), passages, "passages");
        assertSameHits(plain.search(withLucenePhrases(compiled.articleQuery()), 10), articles, "articles");
      }
    }
  }

  @Test
  void onlyTheArticleQueryHasPairsThePassageQueryNone() throws IOException {
    // The passages' proximity cost a fifth of a search and bought nothing the article's pairs and
    // the re-scoring did not (docs/performance-history.md, "Proximity at re-scoring (prox17)").
    FrenchNewsAnalyzer analyzer = new FrenchNewsAnalyzer();
    try (ByteBuffersDirectory dir = indexOf(null, analyzer, TEXTS);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      QueryCompiler.Compiled compiled = QueryCompiler.compile(QueryParser.parse("le tigre et le lion féroce"),
          analyzer, new DocFreqs(reader), true, 0.3f);
      assertEquals(List.of(), pairsOf(compiled.query()), compiled.query().toString());
      List<ProximityPairQuery> article = pairsOf(compiled.articleQuery());
      // A boolean query visits its clauses of one kind in no set order: compare them sorted.
      assertEquals(List.of("article_text:\"lion feroc\"~3", "article_text:\"tigre lion\"~3"),
          article.stream().map(Query::toString).sorted().toList());
    }
  }

  @Test
  void givesLucenesMatchesPositionsAndOffsets() throws IOException {
    // Lucene's Matches API (highlighters) asks the matcher for the leading position and offsets of
    // each match: French analysis stacks terms at one position (royaumeuni royaum, unir) and
    // leaves gaps (stop words, elisions, the gap between a document's values).
    String[][] docs = {
      {"Le Royaume-Uni quitte l'ONU, et l'ONU quitte le Royaume-Uni.", "l'ONU et le Mali"},
      {"Mali Bamako Mali Bamako mali", "Bamako"},
      {"Bamako, a-t-il dit, le Mali; le Mali et Bamako, Bamako et le Mali."},
      {"Uni Royaume uni royaume-uni ONU royaume", "onu Mali Royaume-Uni", "Bamako Mali"},
    };
    FieldType withOffsets = new FieldType(TextField.TYPE_NOT_STORED);
    withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    withOffsets.freeze();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new FrenchNewsAnalyzer()))) {
        for (String[] values : docs) {
          Document d = new Document();
          for (String v : values) {
            d.add(new Field("f", v, withOffsets));
          }
          w.addDocument(d);
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        DocFreqs docFreqs = new DocFreqs(reader);
        List<String> words = new ArrayList<>();
        TermsEnum te = reader.leaves().getFirst().reader().terms("f").iterator();
        for (BytesRef t = te.next(); t != null; t = te.next()) {
          words.add(t.utf8ToString());
        }
        int compared = 0;
        for (String x : words) {
          for (String y : words) {
            if (x.equals(y)) {
              continue;
            }
            Term a = new Term("f", x);
            Term b = new Term("f", y);
            Query lucene = new PhraseQuery(QueryCompiler.PROXIMITY_SLOP, "f", x, y);
            Query ours = new ProximityPairQuery(QueryCompiler.PROXIMITY_SLOP, a, docFreqs.states(a), b,
                docFreqs.states(b));
            for (int doc = 0; doc < docs.length; doc++) {
              String expected = matches(searcher, lucene, doc);
              assertEquals(expected, matches(searcher, ours, doc), x + " " + y + ", document " + doc);
              compared += expected.isEmpty() ? 0 : 1;
            }
          }
        }
        assertTrue(compared >= 20, compared + " documents matched");
      }
    }
  }

  /** Each match of {@code query} in {@code doc}: positions and offsets. */
  private static String matches(IndexSearcher searcher, Query query, int doc) throws IOException {
    LeafReaderContext leaf = searcher.getIndexReader().leaves().getFirst();
    Matches m = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f).matches(leaf, doc);
    StringBuilder out = new StringBuilder();
    MatchesIterator it = m == null ? null : m.getMatches("f");
    while (it != null && it.next()) {
      out.append('[').append(it.startPosition()).append(',').append(it.endPosition()).append(',')
          .append(it.startOffset()).append(',').append(it.endOffset()).append(']');
    }
    return out.toString();
  }

  /** An index of one document per text, in {@code field} (null: both text fields), 3 segments. */
  private static ByteBuffersDirectory indexOf(String field, org.apache.lucene.analysis.Analyzer analyzer,
      String... texts) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
      for (int k = 0; k < texts.length; k++) {
        Document d = new Document();
        for (String f : field == null ? new String[] {Schema.TEXT, Schema.ARTICLE_TEXT} : new String[] {field}) {
          d.add(new TextField(f, texts[k], Field.Store.NO));
        }
        w.addDocument(d);
        if (k % 3 == 2) {
          w.commit(); // several segments: a look-up seeks in each
        }
      }
    }
    return dir;
  }

  private static List<ProximityPairQuery> pairsOf(Query query) {
    List<ProximityPairQuery> pairs = new ArrayList<>();
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... terms) {
        if (q instanceof ProximityPairQuery p) {
          pairs.add(p);
        }
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return pairs;
  }

  /** The query with each pair of a top-level clause replaced by Lucene's phrase query of its terms. */
  private static Query withLucenePhrases(Query query) {
    org.apache.lucene.search.BooleanQuery.Builder b = new org.apache.lucene.search.BooleanQuery.Builder();
    for (BooleanClause c : (org.apache.lucene.search.BooleanQuery) query) {
      Query q = c.query();
      if (q instanceof BoostQuery boost && boost.getQuery() instanceof ProximityPairQuery p) {
        Term[] t = p.getTerms();
        q = new BoostQuery(new PhraseQuery(p.getSlop(), p.getField(), t[0].text(), t[1].text()), boost.getBoost());
      }
      b.add(q, c.occur());
    }
    return b.build();
  }

  private static void assertSameHits(TopDocs expected, TopDocs actual, String what) {
    assertEquals(expected.totalHits, actual.totalHits, what);
    assertEquals(expected.scoreDocs.length, actual.scoreDocs.length, what);
    for (int k = 0; k < expected.scoreDocs.length; k++) {
      ScoreDoc e = expected.scoreDocs[k];
      ScoreDoc a = actual.scoreDocs[k];
      assertEquals(e.doc, a.doc, what + ", hit " + k);
      assertEquals(e.score, a.score, 0f, what + ", hit " + k);
    }
  }
}
