package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOBooleanSupplier;
import org.depeche.Article;
import org.depeche.DepecheIndex;
import org.depeche.TextAnalyzer;
import org.depeche.index.Schema;
import org.depeche.search.Rescorer.Feature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each {@link Rescorer} feature on a tiny index, and the order it gives. */
class RescorerTest {
  @TempDir static Path dir;
  static DirectoryReader reader;
  static IndexSearcher searcher;
  static final Analyzer ANALYZER = Schema.analyzer(TextAnalyzer.DEPECHE);

  @BeforeAll
  static void index() throws IOException {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      // "titled": both words in the title, only "tigre" in its first paragraph, none in its second.
      index.add(Article.builder("titled").title("Le tigre de Sumatra").text("""
          Le tigre mange la viande.

          Les gardes soupçonnent un empoisonnement.""").build());
      // "plural": both words in its text, "tigre" only as "tigres", no title.
      index.add(Article.builder("plural").text("Les tigres de Sumatra sont rares.").build());
      index.add(Article.builder("other").text("Un zoo ouvre près du village.").build());
      index.commit();
    }
    reader = DirectoryReader.open(FSDirectory.open(dir));
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(Schema.similarity());
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  private static Rescorer.Prepared prepare(String query) throws IOException {
    ParsedQuery parsed = QueryParser.parse(query);
    QueryCompiler.Compiled compiled = QueryCompiler.compile(parsed, ANALYZER, reader, true, 0.3f);
    return Rescorer.prepare(parsed, compiled.query(), ANALYZER, reader);
  }

  private static int doc(String passageId) throws IOException {
    return searcher.search(new TermQuery(new Term(Schema.PASSAGE_ID, passageId)), 1).scoreDocs[0].doc;
  }

  private static float[] features(Rescorer.Prepared q, String passageId) throws IOException {
    return Rescorer.features(searcher, q, new ScoreDoc[] {new ScoreDoc(doc(passageId), 0)})[0];
  }

  @Test
  void preparesTheStemmedTermsAndTheWordsAsTypedLeavingOutExclusions() throws IOException {
    Rescorer.Prepared q = prepare("tigres Sumatra -zoo");
    assertEquals(Set.of(new Term(Schema.TEXT, "tigre"), new Term(Schema.TEXT, "sumatra")), Set.copyOf(q.terms()));
    assertEquals(List.of(new Term(Schema.WORDS, "tigres"), new Term(Schema.WORDS, "sumatra")), q.words());
  }

  @Test
  void theTermsComeInAFixedOrderWhateverTheQuerysHashing() throws IOException {
    // The features sum floats in the terms' order, and BooleanQuery.visit's order changes with
    // each JVM's identity hashes: sorted, the same query gives the same scores in every process.
    Rescorer.Prepared q = prepare("zebre tigre Sumatra antilope mangrove");
    assertEquals(q.terms().stream().sorted().toList(), q.terms());
  }

  @Test
  void aQueryOfManyTermsIsNotRescored() throws IOException {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i <= Rescorer.MAX_TERMS; i++) {
      query.append("mot").append(i).append(' ');
    }
    assertNull(prepare(query.toString()));
  }

  @Test
  void ownCoverageIsTheShareOfTheQueryIdfInThePassagesOwnText() throws IOException {
    Rescorer.Prepared q = prepare("tigre Sumatra");
    float tigre = q.idf()[q.terms().indexOf(new Term(Schema.TEXT, "tigre"))];
    float sumatra = q.idf()[q.terms().indexOf(new Term(Schema.TEXT, "sumatra"))];
    assertEquals(tigre / (tigre + sumatra), features(q, "titled#0")[Feature.OWN_COVERAGE.ordinal()], 1e-6);
    assertEquals(0f, features(q, "titled#1")[Feature.OWN_COVERAGE.ordinal()]);
    assertEquals(1f, features(q, "plural#0")[Feature.OWN_COVERAGE.ordinal()], 1e-6);
  }

  @Test
  void titleCoverageIsTheShareOfTheQueryIdfInTheTitle() throws IOException {
    Rescorer.Prepared q = prepare("tigre Sumatra");
    assertEquals(1f, features(q, "titled#0")[Feature.TITLE_COVERAGE.ordinal()], 1e-6);
    assertEquals(1f, features(q, "titled#1")[Feature.TITLE_COVERAGE.ordinal()], 1e-6);
    assertEquals(0f, features(q, "plural#0")[Feature.TITLE_COVERAGE.ordinal()]);
  }

  @Test
  void exactIsTheShareOfTheWordsFoundAsTyped() throws IOException {
    Rescorer.Prepared q = prepare("tigre Sumatra");
    float tigre = q.wordIdf()[0];
    float sumatra = q.wordIdf()[1];
    assertEquals(1f, features(q, "titled#1")[Feature.EXACT.ordinal()], 1e-6);
    // "tigres", not "tigre": the stem matches, the word typed does not.
    assertEquals(sumatra / (tigre + sumatra), features(q, "plural#0")[Feature.EXACT.ordinal()], 1e-6);
  }

  @Test
  void positionIsTheLogOfThePassageNumber() throws IOException {
    Rescorer.Prepared q = prepare("tigre Sumatra");
    assertEquals(0f, features(q, "titled#0")[Feature.POSITION.ordinal()]);
    assertEquals((float) Math.log(2), features(q, "titled#1")[Feature.POSITION.ordinal()], 1e-6);
  }

  @Test
  void rescoringAddsTheWeightedFeaturesAndReorders() throws IOException {
    Rescorer.Prepared q = prepare("tigre Sumatra");
    int titled0 = doc("titled#0");
    int titled1 = doc("titled#1");
    int plural = doc("plural#0");
    // First stage: titled#1 first, then plural#0 and titled#0 one point apart.
    ScoreDoc[] first = {new ScoreDoc(titled1, 30), new ScoreDoc(plural, 21), new ScoreDoc(titled0, 20)};
    float[] expected = new float[3];
    float[][] f = Rescorer.features(searcher, q, first);
    for (int k = 0; k < 3; k++) {
      expected[k] = first[k].score;
      for (int j = 0; j < Rescorer.WEIGHTS.length; j++) {
        expected[k] += Rescorer.WEIGHTS[j] * f[k][j];
      }
    }
    TopDocs top = Rescorer.rescore(searcher, q,
        new TopDocs(new TotalHits(3, TotalHits.Relation.EQUAL_TO), first), 3);
    // Worked out by hand with the weights {20, 50, 50, -10}. titled#0: 20 + 20 t + 50 + 50 = 120 + 20 t,
    // t = tigre's share of the query's IDF, 0.5 (each word is in 3 passages of 4): 130. titled#1:
    // 30 + 0 + 50 + 50 - 10 ln 2 = 123.07. plural#0: 21 + 20 + 0 + 50 s, s = sumatra's share of the
    // IDF of the words as typed (sumatra in 3 passages, tigre in 2): 0.34, 58.0.
    assertArrayEquals(new int[] {titled0, titled1, plural},
        java.util.Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray());
    assertEquals(130f, top.scoreDocs[0].score, 1e-3);
    assertEquals(123.07f, top.scoreDocs[1].score, 1e-2);
    assertEquals(58.0f, top.scoreDocs[2].score, 0.1);
    assertEquals(expected[2], top.scoreDocs[0].score, 1e-4);
    assertEquals(expected[0], top.scoreDocs[1].score, 1e-4);
    assertEquals(expected[1], top.scoreDocs[2].score, 1e-4);
  }

  private static ScoreDoc[] allPassages() throws IOException {
    String[] ids = {"titled#0", "titled#1", "plural#0", "other#0"};
    ScoreDoc[] docs = new ScoreDoc[ids.length];
    for (int k = 0; k < ids.length; k++) {
      docs[k] = new ScoreDoc(doc(ids[k]), 0);
    }
    return docs;
  }

  @Test
  void rescoringSeeksNoTermTheSearchHasLookedUpAlready() throws IOException {
    AtomicInteger seeks = new AtomicInteger();
    try (FSDirectory fs = FSDirectory.open(dir);
        DirectoryReader counting = seeking(DirectoryReader.open(fs), seeks)) {
      IndexSearcher s = new IndexSearcher(counting);
      // "gnou": a word of no passage, which no segment holds.
      ParsedQuery parsed = QueryParser.parse("tigres Sumatra gnou");
      DocFreqs docFreqs = new DocFreqs(counting);
      QueryCompiler.Compiled compiled = QueryCompiler.compile(parsed, ANALYZER, docFreqs, true, 0.3f);
      Rescorer.Prepared q = Rescorer.prepare(parsed, compiled.query(), ANALYZER, docFreqs);
      int looked = seeks.get();
      assertTrue(looked >= 6, "three terms and three words looked up: " + looked);
      float[][] f = Rescorer.features(s, q, allPassages());
      assertEquals(looked, seeks.get(), "re-scoring sought terms again");
      assertArrayEquals(Rescorer.features(searcher, prepare("tigres Sumatra gnou"), allPassages()), f);
    }
  }

  @Test
  void aQueryPreparedOnAnotherReaderHasItsTermsSoughtAgain() throws IOException {
    AtomicInteger seeks = new AtomicInteger();
    try (FSDirectory fs = FSDirectory.open(dir);
        DirectoryReader counting = seeking(DirectoryReader.open(fs), seeks)) {
      Rescorer.Prepared q = prepare("tigres Sumatra");
      float[][] f = Rescorer.features(new IndexSearcher(counting), q, allPassages());
      assertTrue(seeks.get() >= 4, "the other reader's term states are not used: " + seeks.get());
      assertArrayEquals(Rescorer.features(searcher, q, allPassages()), f);
    }
  }

  /** The reader, counting the seeks of terms by their bytes (a walk of the terms dictionary). */
  static DirectoryReader seeking(DirectoryReader in, AtomicInteger seeks) throws IOException {
    return DocFreqsTest.withTerms(in, terms -> terms == null ? null : new FilterLeafReader.FilterTerms(terms) {
      @Override
      public TermsEnum iterator() throws IOException {
        return new FilterLeafReader.FilterTermsEnum(in.iterator()) {
          @Override
          public boolean seekExact(BytesRef text) throws IOException {
            seeks.incrementAndGet();
            return in.seekExact(text);
          }

          @Override
          public IOBooleanSupplier prepareSeekExact(BytesRef text) throws IOException {
            seeks.incrementAndGet();
            return in.prepareSeekExact(text);
          }

          @Override
          public SeekStatus seekCeil(BytesRef text) throws IOException {
            seeks.incrementAndGet();
            return in.seekCeil(text);
          }
        };
      }
    });
  }
}
