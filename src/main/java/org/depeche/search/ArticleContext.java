package org.depeche.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.depeche.index.Schema;

/**
 * Ranks passages in the context of their article: a passage's score is its own plus {@code weight}
 * times its article's, the article's whole text scored against the query as one document.
 *
 * <p>A passage {@code p} of article {@code a} scores {@code score(p) + weight × score(a)} when
 * {@code a} is among the best {@value #CANDIDATES} articles, whatever the limit, and {@code
 * score(p)} alone otherwise; the result is the best {@code limit} passages by that score,
 * equal scores in document order, exactly. All the passages of one article get the same share, so
 * an article's passages keep their order, and an article whose words are spread over several
 * paragraphs (a news story told in many) rises together with its best passage. An article beyond
 * the best ones gets no share: its score is below theirs, and looking it up would cost one more
 * search per query for passages that rarely make the top.
 *
 * <p>Three passes: the best articles (a search over the whole index, {@link Schema#ARTICLE_TEXT});
 * every matching passage of those articles, scored where it lies: an article's passages are added
 * with it as one block ({@link Schema#documents}), so they are the documents just before the
 * article's own, in its segment, and its last passage's number tells how many there are; then the
 * passage query over the whole index, where only a passage of another article whose own score
 * reaches the {@code limit}-th best score found so far can enter, so once the matches have been
 * counted (up to {@code countUpTo}) its scorers skip the rest ({@link
 * org.apache.lucene.search.Scorable#setMinCompetitiveScore}). A passage is matched to its article
 * by the ordinal of {@link Schema#ARTICLE_ID} in their segment, never by reading the id.
 *
 * <p>Stateless and thread-safe.
 */
public final class ArticleContext {
  /**
   * The number of best articles whose passages get their article's share, for any limit: 30 ranks
   * the top 10 of both dev sets as 100 did (MRR@10 no lower on any half, docs/relevance.md)
   * for about a fifth less CPU per search (docs/performance-history.md, "Article context: depth and
   * pairs against relevance").
   */
  static final int CANDIDATES = 30;

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
    // One weight for both passes over passages, the best articles' and the whole index: its terms
    // are looked up in each segment once.
    Weight passageWeight = searcher.createWeight(searcher.rewrite(passages), ScoreMode.TOP_SCORES, 1f);
    // No total is shown for articles: counting none lets the search skip those that cannot enter.
    ScoreDoc[] best = searcher.search(articles, new TopScoreDocCollectorManager(CANDIDATES, CANDIDATES)).scoreDocs;
    Best top = new Best(limit);
    int[] shared = passagesOf(searcher, passageWeight, best, weight, top);
    long totalHits = others(searcher, passageWeight, shared, countUpTo, top);
    return new TopDocs(new TotalHits(totalHits,
        totalHits > countUpTo ? TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO : TotalHits.Relation.EQUAL_TO),
        top.inOrder());
  }

  /**
   * The best passages found so far, at most {@code size}: a heap whose root is the worst of them
   * (the lowest score; of equal scores, the last document).
   */
  private static final class Best {
    private final int size;
    private final PriorityQueue<ScoreDoc> heap;

    Best(int size) {
      this.size = size;
      this.heap = new PriorityQueue<>(size, BEST_FIRST.reversed());
    }

    /** Whether a passage with this score could enter, whatever its document. */
    boolean full() {
      return heap.size() == size;
    }

    /** The score a passage needs to enter, when {@link #full()}. */
    float bar() {
      return heap.peek().score;
    }

    void offer(int doc, float score) {
      if (heap.size() < size) {
        heap.add(new ScoreDoc(doc, score));
      } else {
        ScoreDoc worst = heap.peek();
        if (score > worst.score || score == worst.score && doc < worst.doc) {
          heap.poll();
          heap.add(new ScoreDoc(doc, score));
        }
      }
    }

    ScoreDoc[] inOrder() {
      ScoreDoc[] docs = heap.toArray(ScoreDoc[]::new);
      Arrays.sort(docs, BEST_FIRST);
      return docs;
    }
  }

  private static final Comparator<ScoreDoc> BEST_FIRST =
      Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc);

  /**
   * Offers every passage of these articles that matches the query, scored by its {@link
   * ScoreMode#TOP_SCORES} weight plus {@code weight} times its article's score; returns their
   * blocks of documents (the first passage's and the article's own, in pairs, in document order)
   * for the search of the other passages to leave out.
   */
  private static int[] passagesOf(IndexSearcher searcher, Weight passageWeight, ScoreDoc[] articles, float weight,
      Best top) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    ScoreDoc[] inOrder = articles.clone();
    Arrays.sort(inOrder, Comparator.comparingInt(sd -> sd.doc));
    int[] blocks = new int[2 * inOrder.length];
    for (int from = 0; from < inOrder.length; ) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(inOrder[from].doc, leaves));
      int to = from;
      while (to < inOrder.length && inOrder[to].doc < leaf.docBase + leaf.reader().maxDoc()) {
        to++;
      }
      scoreBlocks(leaf, passageWeight, inOrder, from, to, weight, blocks, top);
      from = to;
    }
    return blocks;
  }

  /**
   * Scores the passages of {@code articles[from, to)}, all of one segment, in document order, into
   * {@code top}, and writes their blocks into {@code blocks}.
   */
  private static void scoreBlocks(LeafReaderContext leaf, Weight passageWeight, ScoreDoc[] articles, int from,
      int to, float weight, int[] blocks, Best top) throws IOException {
    SortedNumericDocValues numbers = DocValues.getSortedNumeric(leaf.reader(), Schema.PASSAGE_NUMBER);
    SortedDocValues ids = DocValues.getSorted(leaf.reader(), Schema.ARTICLE_ID);
    long passages = 0;
    for (int k = from; k < to; k++) {
      int end = articles[k].doc - leaf.docBase;
      if (end == 0 || !numbers.advanceExact(end - 1)) {
        throw new IllegalStateException("article document " + articles[k].doc + " does not follow its passages");
      }
      int start = end - 1 - (int) numbers.nextValue();
      int first = ids.advanceExact(start) ? ids.ordValue() : -1;
      if (first < 0 || !ids.advanceExact(end) || ids.ordValue() != first) {
        throw new IllegalStateException("article document " + articles[k].doc + " does not follow its passages");
      }
      blocks[2 * k] = leaf.docBase + start;
      blocks[2 * k + 1] = leaf.docBase + end;
      passages += end - start;
    }
    ScorerSupplier supplier = passageWeight.scorerSupplier(leaf);
    if (supplier == null) {
      return;
    }
    Scorer scorer = supplier.get(passages);
    DocIdSetIterator matches = scorer.iterator();
    Bits live = leaf.reader().getLiveDocs();
    for (int k = from; k < to; k++) {
      int start = blocks[2 * k] - leaf.docBase;
      int end = blocks[2 * k + 1] - leaf.docBase;
      int doc = matches.docID() < start ? matches.advance(start) : matches.docID();
      for (; doc < end; doc = matches.nextDoc()) {
        if (live == null || live.get(doc)) {
          top.offer(leaf.docBase + doc, scorer.score() + weight * articles[k].score);
        }
      }
      if (doc == DocIdSetIterator.NO_MORE_DOCS) {
        return;
      }
    }
  }

  /**
   * Runs the passage query over the whole index, offering the passages outside {@code blocks} (the
   * best articles', already scored with their share) with their own score, and counts every match
   * up to {@code countUpTo}; past it, only passages that can enter {@code top} are looked at.
   *
   * @return the number of matches counted: exact up to {@code countUpTo}, a lower bound past it
   */
  private static long others(IndexSearcher searcher, Weight passageWeight, int[] blocks, int countUpTo, Best top)
      throws IOException {
    long[] count = {0};
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      ScorerSupplier supplier = passageWeight.scorerSupplier(leaf);
      if (supplier == null) {
        continue;
      }
      supplier.setTopLevelScoringClause();
      int docBase = leaf.docBase;
      // The first block ending after the current document: documents come in order.
      int[] block = {0};
      supplier.bulkScorer().score(new LeafCollector() {
        private Scorable scorer;
        private float minCompetitive = Float.NEGATIVE_INFINITY;

        @Override
        public void setScorer(Scorable scorer) throws IOException {
          this.scorer = scorer;
          raiseBar();
        }

        @Override
        public void collect(int doc) throws IOException {
          count[0]++;
          int global = docBase + doc;
          while (block[0] < blocks.length && blocks[block[0] + 1] <= global) {
            block[0] += 2;
          }
          if (block[0] < blocks.length && blocks[block[0]] <= global) {
            return;
          }
          float score = scorer.score();
          if (!top.full() || score >= top.bar()) {
            top.offer(global, score);
          }
          raiseBar();
        }

        /** Once the matches are counted, tells the scorer what a passage must score to enter. */
        private void raiseBar() throws IOException {
          if (count[0] > countUpTo && top.full() && top.bar() > minCompetitive) {
            minCompetitive = top.bar();
            scorer.setMinCompetitiveScore(minCompetitive);
          }
        }
      }, leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
    }
    return count[0];
  }
}
