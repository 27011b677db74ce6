package org.depeche.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.depeche.index.Schema;

/**
 * Ranks passages in the context of their article: a passage's score is its own plus {@code weight}
 * times its article's, the article's whole text scored against the query as one document.
 *
 * <p>A passage {@code p} of article {@code a} scores {@code score(p) + weight × score(a)}. All the
 * passages of one article get the same share, so an article's passages keep their order, and an
 * article whose words are spread over several paragraphs (a news story told in many) rises
 * together with its best passage. The candidates are the best passages and the passages of the
 * best articles, {@value #CANDIDATES} of each at least (of the best articles, those that have no
 * passage among the best passages); a candidate whose article is not among the best articles gets
 * no share (its article's score is below theirs, and looking it up would cost
 * one more search per query for passages that rarely make the top).
 *
 * <p>Two searches run over the whole index, the passages' and the articles'. The passages of the
 * best articles not yet among the candidates are then scored where they lie: an article's passages
 * are added with it as one block ({@link Schema#documents}), so they are the documents just before
 * the article's own, in its segment, and its last passage's number tells how many there are. A
 * passage is matched to its article by the ordinal of {@link Schema#ARTICLE_ID} in their segment,
 * never by reading the id.
 *
 * <p>Stateless and thread-safe.
 */
public final class ArticleContext {
  /** The least number of passages, and of articles, considered before the scores are combined. */
  static final int CANDIDATES = 100;

  /**
   * The passages of the best articles not yet among the candidates are kept, the best first, up to
   * this many times the number of candidates.
   */
  private static final int PASSAGES_PER_ARTICLE = 10;

  private ArticleContext() {}

  /**
   * Returns the {@code limit} best passages for a query, each scored with its article's share.
   *
   * @param passages the query that ranks passages
   * @param articles the same words on the whole text of articles ({@link Schema#ARTICLE_TEXT})
   * @param weight the share of the article's score added to its passages', above 0
   * @param countUpTo the number of matches counted exactly; the total is a lower bound beyond
   * @return the best passages, best first, and the number of passages that match
   */
  public static TopDocs rank(IndexSearcher searcher, Query passages, Query articles, float weight,
      int limit, int countUpTo) throws IOException {
    int depth = Math.max(limit, CANDIDATES);
    // One weight for both passes over passages, the best ones and those of the best articles: its
    // terms are looked up in each segment once.
    Weight passageWeight = searcher.createWeight(searcher.rewrite(passages), ScoreMode.TOP_SCORES, 1f);
    TopDocs top = countUpTo == Integer.MAX_VALUE
        // Every match scored (ScoreMode.COMPLETE), as counting them all needs: another weight.
        ? searcher.search(passages, new TopScoreDocCollectorManager(depth, countUpTo))
        : top(searcher, passageWeight, depth, countUpTo);
    // No total is shown for articles: counting none lets the search skip those that cannot enter.
    ScoreDoc[] best = searcher.search(articles, new TopScoreDocCollectorManager(depth, depth)).scoreDocs;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    long[] bestKeys = articleKeys(leaves, best);
    Map<Long, Float> articleScores = new HashMap<>();
    for (int k = 0; k < best.length; k++) {
      articleScores.put(bestKeys[k], best[k].score);
    }
    long[] topKeys = articleKeys(leaves, top.scoreDocs);
    Set<Long> seen = new HashSet<>();
    List<ScoreDoc> combined = new ArrayList<>(top.scoreDocs.length);
    for (int k = 0; k < top.scoreDocs.length; k++) {
      ScoreDoc sd = top.scoreDocs[k];
      seen.add(topKeys[k]);
      combined.add(new ScoreDoc(sd.doc, sd.score + weight * articleScores.getOrDefault(topKeys[k], 0f)));
    }
    List<ScoreDoc> unseen = new ArrayList<>();
    for (int k = 0; k < best.length; k++) {
      if (!seen.contains(bestKeys[k])) {
        unseen.add(best[k]);
      }
    }
    for (Candidate c : passagesOf(searcher, passageWeight, unseen, depth * PASSAGES_PER_ARTICLE)) {
      combined.add(new ScoreDoc(c.doc(), c.score() + weight * c.articleScore()));
    }
    combined.sort(BEST_FIRST);
    return new TopDocs(top.totalHits,
        combined.subList(0, Math.min(limit, combined.size())).toArray(ScoreDoc[]::new));
  }

  /**
   * The {@code n} best documents of a weight made for {@link ScoreMode#TOP_SCORES}, matches counted
   * up to {@code countUpTo}: what {@link IndexSearcher#search(Query,
   * org.apache.lucene.search.CollectorManager)} finds with a {@link TopScoreDocCollectorManager}
   * (one collector over the segments in order, as a searcher without an executor runs it), from a
   * weight built once.
   */
  private static TopDocs top(IndexSearcher searcher, Weight weight, int n, int countUpTo) throws IOException {
    TopScoreDocCollectorManager manager = new TopScoreDocCollectorManager(n, countUpTo);
    TopScoreDocCollector collector = manager.newCollector();
    collector.setWeight(weight);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      LeafCollector leafCollector;
      try {
        leafCollector = collector.getLeafCollector(leaf);
      } catch (CollectionTerminatedException e) {
        continue;
      }
      ScorerSupplier supplier = weight.scorerSupplier(leaf);
      if (supplier != null) {
        supplier.setTopLevelScoringClause();
        try {
          supplier.bulkScorer().score(leafCollector, leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
        } catch (CollectionTerminatedException e) {
          // The rest of this segment cannot enter.
        }
      }
      leafCollector.finish();
    }
    return manager.reduce(List.of(collector));
  }

  private static final Comparator<ScoreDoc> BEST_FIRST =
      Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc);

  /** A passage found in one of the best articles, with its own score and its article's. */
  private record Candidate(int doc, float score, float articleScore) {}

  /**
   * The {@code max} best passages of these articles (best first, then by document) that match the
   * query, scored by its {@link ScoreMode#TOP_SCORES} weight: as in a search of the query alone.
   */
  private static List<Candidate> passagesOf(IndexSearcher searcher, Weight weight, List<ScoreDoc> articles,
      int max) throws IOException {
    if (articles.isEmpty()) {
      return List.of();
    }
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    ScoreDoc[] inOrder = articles.toArray(ScoreDoc[]::new);
    Arrays.sort(inOrder, Comparator.comparingInt(sd -> sd.doc));
    List<Candidate> found = new ArrayList<>();
    for (int from = 0; from < inOrder.length; ) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(inOrder[from].doc, leaves));
      int to = from;
      while (to < inOrder.length && inOrder[to].doc < leaf.docBase + leaf.reader().maxDoc()) {
        to++;
      }
      scoreBlocks(leaf, weight, Arrays.copyOfRange(inOrder, from, to), found);
      from = to;
    }
    if (found.size() > max) {
      found.sort(Comparator.comparingDouble((Candidate c) -> -c.score()).thenComparingInt(Candidate::doc));
      return found.subList(0, max);
    }
    return found;
  }

  /** Scores the passages of these articles of one segment, in document order, into {@code found}. */
  private static void scoreBlocks(LeafReaderContext leaf, Weight weight, ScoreDoc[] articles, List<Candidate> found)
      throws IOException {
    SortedNumericDocValues numbers = DocValues.getSortedNumeric(leaf.reader(), Schema.PASSAGE_NUMBER);
    SortedDocValues ids = DocValues.getSorted(leaf.reader(), Schema.ARTICLE_ID);
    int[] starts = new int[articles.length];
    long passages = 0;
    for (int k = 0; k < articles.length; k++) {
      int end = articles[k].doc - leaf.docBase;
      if (end == 0 || !numbers.advanceExact(end - 1)) {
        throw new IllegalStateException("article document " + articles[k].doc + " does not follow its passages");
      }
      starts[k] = end - 1 - (int) numbers.nextValue();
      int first = ids.advanceExact(starts[k]) ? ids.ordValue() : -1;
      if (first < 0 || !ids.advanceExact(end) || ids.ordValue() != first) {
        throw new IllegalStateException("article document " + articles[k].doc + " does not follow its passages");
      }
      passages += end - starts[k];
    }
    ScorerSupplier supplier = weight.scorerSupplier(leaf);
    if (supplier == null) {
      return;
    }
    Scorer scorer = supplier.get(passages);
    DocIdSetIterator matches = scorer.iterator();
    Bits live = leaf.reader().getLiveDocs();
    for (int k = 0; k < articles.length; k++) {
      int end = articles[k].doc - leaf.docBase;
      int doc = matches.docID() < starts[k] ? matches.advance(starts[k]) : matches.docID();
      for (; doc < end; doc = matches.nextDoc()) {
        if (live == null || live.get(doc)) {
          found.add(new Candidate(leaf.docBase + doc, scorer.score(), articles[k].score));
        }
      }
      if (doc == DocIdSetIterator.NO_MORE_DOCS) {
        return;
      }
    }
  }

  /**
   * Each document's article, as its segment's number in the high 32 bits and the ordinal of its
   * {@link Schema#ARTICLE_ID} in that segment in the low ones: an article's passages and its own
   * document share one key.
   */
  private static long[] articleKeys(List<LeafReaderContext> leaves, ScoreDoc[] docs) throws IOException {
    Integer[] order = new Integer[docs.length];
    Arrays.setAll(order, k -> k);
    Arrays.sort(order, Comparator.comparingInt(k -> docs[k].doc));
    long[] keys = new long[docs.length];
    int leaf = -1;
    SortedDocValues values = null;
    for (int k : order) {
      int doc = docs[k].doc;
      int at = ReaderUtil.subIndex(doc, leaves);
      if (at != leaf) {
        leaf = at;
        values = DocValues.getSorted(leaves.get(at).reader(), Schema.ARTICLE_ID);
      }
      if (!values.advanceExact(doc - leaves.get(at).docBase)) {
        throw new IllegalStateException("document " + doc + " has no article id");
      }
      keys[k] = (long) at << 32 | values.ordValue();
    }
    return keys;
  }
}
