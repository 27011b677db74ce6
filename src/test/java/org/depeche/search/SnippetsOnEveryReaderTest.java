package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.store.FSDirectory;
import org.depeche.Article;
import org.depeche.DepecheIndex;
import org.depeche.PassageHit;
import org.depeche.SearchOptions;
import org.depeche.SearchResults;
import org.depeche.Snippet;
import org.depeche.TextAnalyzer;
import org.depeche.index.PassageRecord;
import org.depeche.index.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search's snippets, which read the postings from the term states the search looked up ({@link
 * DocFreqs}), are those the analysis of each passage gives ({@link SnippetMaker#snippet}), whatever
 * the reader: several segments with deletions and terms absent from some, a {@link MultiReader} of
 * two indexes, a searcher running its segments on other threads, searches from several threads at
 * once, and an index changing between searches; for queries of every kind.
 */
class SnippetsOnEveryReaderTest {
  @TempDir static Path first;
  @TempDir static Path second;
  static DirectoryReader segments;
  static DirectoryReader other;
  static MultiReader both;
  static ExecutorService pool;
  static final Analyzer ANALYZER = Schema.analyzer(TextAnalyzer.DEPECHE);

  static final List<String> QUERIES = List.of(
      "Mali", "sécurité Mali", "secur*", "milit* troupes", "\"sécurité durable\"", "« Nations unies »", "ONU", "UE",
      "coeur", "title:Mali", "titre:Royaume-Uni", "Mali OR Bamako", "Mali -Russie", "Bamacko", "Royaume-Uni",
      "a-t-il retiré", "l'Union européenne", "militants Londres responsabilité", "\"Royaume-Uni\" sécurité");

  static Article article(String id, String title, String... paragraphs) {
    return Article.builder(id).title(title).text(String.join("\n\n", paragraphs)).build();
  }

  @BeforeAll
  static void index() throws IOException {
    try (DepecheIndex index = DepecheIndex.openForWriting(first)) {
      index.add(article("mali", "Le Royaume-Uni quitte le Mali",
          "Le Royaume-Uni a-t-il retiré ses troupes du Mali ? Le Royaume-Uni l’a confirmé.",
          "L’ONU et l'Union européenne parlent de sécurité, de sécurité durable et encore de sécurité."));
      // Kept in the first segment, so that the segment stays when the first article is replaced.
      index.add(article("paris", "Paris", "Rien ici sur la sécurité."));
      index.commit();
      index.add(article("onu", "Les Nations unies et la sécurité",
          "Les Nations unies saluent le cœur de la mission, selon les États-Unis.",
          "Des militants et des militaires à Bamako, sécurisés."));
      index.commit();
      // The first article again: its first version deleted in the first segment.
      index.add(article("mali", "Le Royaume-Uni quitte le Mali et Bamako",
          "La responsabilité de tout cela incombe à Bamako, selon Londres.",
          "Le Royaume-Uni a-t-il retiré ses troupes du Mali ? Les militaires l’ont confirmé, pour la sécurité."));
      index.commit();
      index.add(article("russie", "La Russie au Mali", "La Russie au Mali, sans l'ONU ni l'UE."));
      index.commit();
    }
    // The index's merges drop the replaced article's documents: a deletion they keep.
    try (IndexWriter writer = new IndexWriter(FSDirectory.open(first),
        new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      writer.deleteDocuments(new Term(Schema.PASSAGE_ID, "paris#0"));
    }
    try (DepecheIndex index = DepecheIndex.openForWriting(second)) {
      index.add(article("londres", "Londres et le Mali",
          "Londres confirme le retrait du Mali, la sécurité durable de Bamako en question."));
      index.commit();
    }
    segments = DirectoryReader.open(FSDirectory.open(first));
    other = DirectoryReader.open(FSDirectory.open(second));
    both = new MultiReader(new IndexReader[] {segments, other}, false);
    pool = Executors.newFixedThreadPool(3);
  }

  @AfterAll
  static void close() throws IOException {
    pool.shutdownNow();
    both.close();
    segments.close();
    other.close();
  }

  /** A searcher of {@code reader} as {@link DepecheIndex} makes it; with {@code pool}, one task per segment. */
  static IndexSearcher searcher(IndexReader reader, ExecutorService pool) {
    IndexSearcher searcher = pool == null ? new IndexSearcher(reader) : new IndexSearcher(reader, pool) {
      @Override
      protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        return slices(leaves, 1, 1, false);
      }
    };
    searcher.setSimilarity(Schema.similarity());
    return searcher;
  }

  /** The terms a search of {@code query} on {@code reader} highlights, synonyms added. */
  static Set<String> terms(String query, IndexReader reader) {
    return QueryCompiler.compile(Synonyms.defaults().expand(QueryParser.parse(query)), ANALYZER, reader, true, 0)
        .highlightTerms();
  }

  /** Checks every hit's snippet against the analysis of its text; the number of hits with a match. */
  static int assertSnippetsOfTheAnalysis(String query, Set<String> terms, SearchResults results) {
    int marked = 0;
    for (PassageHit hit : results.hits()) {
      Snippet expected = SnippetMaker.snippet(hit.text(), terms, ANALYZER, SnippetMaker.DEFAULT_MAX_CHARS);
      assertEquals(expected, hit.snippet(), query + " in " + hit.passageId());
      marked += hit.snippet().toHtml().contains("<em>") ? 1 : 0;
    }
    return marked;
  }

  @Test
  void theReadersAreWhatTheTestSays() throws IOException {
    assertTrue(segments.leaves().size() >= 2, segments.leaves().size() + " segments");
    assertTrue(segments.hasDeletions(), "no deletions");
    assertEquals(segments.leaves().size() + other.leaves().size(), both.leaves().size());
    int absent = 0;
    for (String query : QUERIES) {
      for (String term : terms(query, both)) {
        for (LeafReaderContext leaf : both.leaves()) {
          absent += leaf.reader().docFreq(new Term(Schema.TEXT, term)) == 0 ? 1 : 0;
        }
      }
    }
    assertTrue(absent > 10, absent + " terms absent from a segment");
  }

  @Test
  void givesTheSnippetsOfTheAnalysisOnEveryReaderAndQuery() throws IOException {
    int marked = 0;
    for (IndexReader reader : List.of(segments, other, both)) {
      for (ExecutorService threads : new ExecutorService[] {null, pool}) {
        IndexSearcher searcher = searcher(reader, threads);
        for (String query : QUERIES) {
          Set<String> terms = terms(query, reader);
          for (int perArticle : new int[] {0, 1, 2}) {
            SearchOptions options = SearchOptions.defaults().withPerArticle(perArticle);
            marked += assertSnippetsOfTheAnalysis(query, terms, PassageSearch.search(searcher, ANALYZER, query, options));
          }
        }
      }
    }
    // Not vacuous: most hits of most queries mark words.
    assertTrue(marked > 300, marked + " snippets with a match");
  }

  @Test
  void givesTheSameSnippetsToSearchesFromSeveralThreadsAtOnce() throws Exception {
    IndexSearcher searcher = searcher(both, pool);
    List<List<Snippet>> expected = new ArrayList<>();
    for (String query : QUERIES) {
      expected.add(snippets(PassageSearch.search(searcher, ANALYZER, query, SearchOptions.defaults())));
    }
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        int shift = t;
        runs.add(callers.submit(() -> {
          for (int round = 0; round < 20; round++) {
            int q = (round + shift * 7) % QUERIES.size();
            assertEquals(expected.get(q), snippets(PassageSearch.search(searcher, ANALYZER, QUERIES.get(q),
                SearchOptions.defaults())), QUERIES.get(q));
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void givesTheSnippetsOfTheAnalysisWhileTheIndexChanges(@TempDir Path dir) throws Exception {
    // Words that every state of the index holds, so that the highlighted terms do not change.
    String query = "Mali sécurité";
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      index.add(article("start", "Le Mali", "La sécurité au Mali."));
      index.commit();
      Set<String> terms;
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
        terms = terms(query, reader);
      }
      AtomicBoolean done = new AtomicBoolean();
      ExecutorService writer = Executors.newSingleThreadExecutor();
      try {
        Future<?> writes = writer.submit(() -> {
          for (int i = 0; i < 30; i++) {
            // New articles, and new versions of one: segments added and documents deleted.
            index.add(article(i % 3 == 0 ? "start" : "a" + i, "Le Mali " + i,
                "Le Mali et sa sécurité, " + i + " fois. " + "Rien. ".repeat(i), "Bamako, la sécurité."));
            index.commit();
            index.refresh();
          }
          done.set(true);
          return null;
        });
        int searches = 0;
        while (!done.get() || searches < 5) {
          assertSnippetsOfTheAnalysis(query, terms, index.search(query, SearchOptions.defaults().withPerArticle(0)));
          searches++;
        }
        writes.get();
      } finally {
        writer.shutdownNow();
      }
    }
  }

  @Test
  void seeksATermTheSearchDidNotLookUpOnlyInTheSegmentsOfTheHits() throws IOException {
    // A prefix's words and a phrase's (a synonym's) are looked up by their Lucene queries, not
    // through DocFreqs: the snippets seek them in the segments they read, as before DocFreqs, not in all.
    AtomicInteger seeks = new AtomicInteger();
    DirectoryReader counting = RescorerTest.seeking(segments, seeks);
    LeafReaderContext last = counting.leaves().getLast();
    assertTrue(counting.leaves().size() >= 2, counting.leaves().size() + " segments");
    // The passages of the last segment (an article's own document has no passage id).
    int[] docs = Arrays.stream(new IndexSearcher(counting).search(
            TermRangeQuery.newStringRange(Schema.PASSAGE_ID, null, null, true, true), 1000).scoreDocs)
        .mapToInt(sd -> sd.doc)
        .filter(d -> d >= last.docBase)
        .toArray();
    assertTrue(docs.length > 0);
    List<String> texts = Arrays.stream(PassageRecord.read(counting, docs)).map(PassageRecord::text).toList();
    for (String query : List.of("secur*", "ONU", "\"sécurité durable\" milit*")) {
      DocFreqs docFreqs = new DocFreqs(counting);
      Set<String> terms = QueryCompiler.compile(Synonyms.defaults().expand(QueryParser.parse(query)), ANALYZER,
          docFreqs, true, 0).highlightTerms();
      seeks.set(0);
      List<Snippet> snippets = SnippetMaker.snippets(counting, docFreqs, docs, texts, terms, ANALYZER,
          SnippetMaker.DEFAULT_MAX_CHARS);
      assertTrue(seeks.get() <= terms.size(), query + ": " + seeks.get() + " seeks for " + terms.size() + " terms");
      for (int i = 0; i < docs.length; i++) {
        assertEquals(SnippetMaker.snippet(texts.get(i), terms, ANALYZER, SnippetMaker.DEFAULT_MAX_CHARS),
            snippets.get(i), query);
      }
    }
  }

  @Test
  void givesTheSnippetsOfTheAnalysisWithTheTermStatesOfAnotherReader() throws IOException {
    // The documents are those of the reader given; term states looked up in another reader (another
    // index, or the same index before a commit: a reader with more segments) are not theirs.
    IndexSearcher searcher = new IndexSearcher(segments);
    int[] docs = Arrays.stream(searcher.search(TermRangeQuery.newStringRange(Schema.PASSAGE_ID, null, null, true, true),
            1000).scoreDocs)
        .mapToInt(sd -> sd.doc)
        .toArray();
    List<String> texts = Arrays.stream(PassageRecord.read(segments, docs)).map(PassageRecord::text).toList();
    int marked = 0;
    for (IndexReader lookedUpIn : List.<IndexReader>of(other, both)) {
      for (String query : QUERIES) {
        DocFreqs docFreqs = new DocFreqs(lookedUpIn);
        Set<String> terms = QueryCompiler.compile(Synonyms.defaults().expand(QueryParser.parse(query)), ANALYZER,
            docFreqs, true, 0).highlightTerms();
        List<Snippet> snippets = SnippetMaker.snippets(segments, docFreqs, docs, texts, terms, ANALYZER,
            SnippetMaker.DEFAULT_MAX_CHARS);
        for (int i = 0; i < docs.length; i++) {
          Snippet expected = SnippetMaker.snippet(texts.get(i), terms, ANALYZER, SnippetMaker.DEFAULT_MAX_CHARS);
          assertEquals(expected, snippets.get(i), query + " looked up in " + lookedUpIn);
          marked += expected.toHtml().contains("<em>") ? 1 : 0;
        }
      }
    }
    assertTrue(marked > 20, marked + " snippets with a match");
  }

  private static List<Snippet> snippets(SearchResults results) {
    return results.hits().stream().map(PassageHit::snippet).toList();
  }
}
