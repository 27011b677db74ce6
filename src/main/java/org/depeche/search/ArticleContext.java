package org.depeche.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
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
 * best articles, {@value #CANDIDATES} of each at least.
 *
 * <p>Stateless and thread-safe.
 */
public final class ArticleContext {
  /** The least number of passages, and of articles, considered before the scores are combined. */
  static final int CANDIDATES = 100;

  private static final Set<String> ID_ONLY = Set.of(Schema.ARTICLE_ID);

  private ArticleContext() {}

  /**
   * Returns the {@code limit} best passages for a query, each scored with its article's share.
   *
   * @param passages the query that ranks passages
   * @param articles the same words on the whole text of articles ({@link Schema#ARTICLE_TEXT})
   * @param weight the share of the article's score added to its passages', above 0
   * @return the best passages, best first, and the exact number of passages that match
   */
  public static TopDocs rank(IndexSearcher searcher, Query passages, Query articles, float weight,
      int limit) throws IOException {
    int depth = Math.max(limit, CANDIDATES);
    // Count every match: the total is shown to users ("10 of 2,551 passages").
    TopDocs top = searcher.search(passages, new TopScoreDocCollectorManager(depth, Integer.MAX_VALUE));
    StoredFields stored = searcher.storedFields();
    Map<String, Float> articleScores = new HashMap<>();
    for (ScoreDoc sd : searcher.search(articles, depth).scoreDocs) {
      articleScores.put(articleId(stored, sd.doc), sd.score);
    }
    List<Candidate> candidates = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (ScoreDoc sd : top.scoreDocs) {
      Candidate c = new Candidate(sd.doc, sd.score, articleId(stored, sd.doc));
      candidates.add(c);
      seen.add(c.article());
    }
    Set<String> unseen = new LinkedHashSet<>(articleScores.keySet());
    unseen.removeAll(seen);
    if (!unseen.isEmpty()) {
      for (ScoreDoc sd : searcher.search(within(passages, unseen), depth * 10).scoreDocs) {
        candidates.add(new Candidate(sd.doc, sd.score, articleId(stored, sd.doc)));
      }
    }
    Set<String> unscored = new LinkedHashSet<>(seen);
    unscored.removeAll(articleScores.keySet());
    if (!unscored.isEmpty()) {
      for (ScoreDoc sd : searcher.search(within(articles, unscored), unscored.size()).scoreDocs) {
        articleScores.put(articleId(stored, sd.doc), sd.score);
      }
    }
    List<ScoreDoc> combined = new ArrayList<>(candidates.size());
    for (Candidate c : candidates) {
      combined.add(new ScoreDoc(c.doc(), c.score() + weight * articleScores.getOrDefault(c.article(), 0f)));
    }
    combined.sort(Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
    return new TopDocs(top.totalHits,
        combined.subList(0, Math.min(limit, combined.size())).toArray(ScoreDoc[]::new));
  }

  private record Candidate(int doc, float score, String article) {}

  private static Query within(Query query, Set<String> articles) {
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(new TermInSetQuery(Schema.ARTICLE_ID, articles.stream().map(BytesRef::new).toList()), Occur.FILTER)
        .build();
  }

  private static String articleId(StoredFields stored, int doc) throws IOException {
    return stored.document(doc, ID_ONLY).get(Schema.ARTICLE_ID);
  }
}
