package org.depeche.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.depeche.index.Schema;

/**
 * Ranks passages in the context of their article: a passage's score is its own plus {@code weight}
 * times its article's, the article's whole text scored against the query as one document.
 *
 * <p>A passage {@code p} of article {@code a} scores {@code score(p) + weight × score(a)}. All the
 * passages of one article get the same share, so an article's passages keep their order, and an
 * article whose words are spread over several paragraphs (a news story told in many) rises
 * together with its best passage. The candidates are the best passages and the passages of the
 * best articles, {@value #CANDIDATES} of each at least; a candidate whose article is not among the
 * best articles gets no share (its article's score is below theirs, and looking it up would cost
 * one more search per query for passages that rarely make the top).
 *
 * <p>Stateless and thread-safe.
 */
public final class ArticleContext {
  /** The least number of passages, and of articles, considered before the scores are combined. */
  static final int CANDIDATES = 100;

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
    TopDocs top = searcher.search(passages, new TopScoreDocCollectorManager(depth, countUpTo));
    IndexReader reader = searcher.getIndexReader();
    Map<String, Float> articleScores = new HashMap<>();
    ScoreDoc[] best = searcher.search(articles, depth).scoreDocs;
    String[] bestIds = articleIds(reader, best);
    for (int k = 0; k < best.length; k++) {
      articleScores.put(bestIds[k], best[k].score);
    }
    List<Candidate> candidates = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    addCandidates(candidates, reader, top.scoreDocs);
    candidates.forEach(c -> seen.add(c.article()));
    Set<String> unseen = new LinkedHashSet<>(articleScores.keySet());
    unseen.removeAll(seen);
    if (!unseen.isEmpty()) {
      addCandidates(candidates, reader, searcher.search(within(passages, unseen), depth * 10).scoreDocs);
    }
    List<ScoreDoc> combined = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      combined.add(new ScoreDoc(c.doc(), c.score() + weight * articleScores.getOrDefault(c.article(), 0f)));
    }
    combined.sort(Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
    return new TopDocs(top.totalHits,
        combined.subList(0, Math.min(limit, combined.size())).toArray(ScoreDoc[]::new));
  }

  private static void addCandidates(List<Candidate> out, IndexReader reader, ScoreDoc[] docs)
      throws IOException {
    String[] ids = articleIds(reader, docs);
    for (int k = 0; k < docs.length; k++) {
      out.add(new Candidate(docs[k].doc, docs[k].score, ids[k]));
    }
  }

  /** The article id of each document, read from its doc value in document order. */
  private static String[] articleIds(IndexReader reader, ScoreDoc[] docs) throws IOException {
    Integer[] order = new Integer[docs.length];
    Arrays.setAll(order, k -> k);
    Arrays.sort(order, Comparator.comparingInt(k -> docs[k].doc));
    String[] ids = new String[docs.length];
    List<LeafReaderContext> leaves = reader.leaves();
    int leaf = -1;
    SortedDocValues values = null;
    for (int k : order) {
      int doc = docs[k].doc;
      int at = ReaderUtil.subIndex(doc, leaves);
      if (at != leaf) {
        leaf = at;
        values = leaves.get(at).reader().getSortedDocValues(Schema.ARTICLE_ID);
      }
      if (values == null || !values.advanceExact(doc - leaves.get(at).docBase)) {
        throw new IllegalStateException("document " + doc + " has no article id");
      }
      ids[k] = values.lookupOrd(values.ordValue()).utf8ToString();
    }
    return ids;
  }

  private record Candidate(int doc, float score, String article) {}

  private static Query within(Query query, Set<String> articles) {
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(new TermInSetQuery(Schema.ARTICLE_ID, articles.stream().map(BytesRef::new).toList()), Occur.FILTER)
        .build();
  }

}
