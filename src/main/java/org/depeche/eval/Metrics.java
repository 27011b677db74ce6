package org.depeche.eval;

import java.util.List;
import java.util.Map;

/**
 * Scores one ranking against one query's judgments, as {@code trec_eval -c} does.
 *
 * <p>For the ranking {@code [d3, d1, d7]} and the judgments {@code d1:1, d2:1, d3:0}: the first
 * relevant item is at rank 2, so RR@10 = 0.5; Recall@10 = 1/2; DCG@10 = 1/log2(3) = 0.631 and the
 * ideal DCG@10 = 1 + 1/log2(3) = 1.631, so nDCG@10 = 0.387.
 *
 * <p>Stateless and thread-safe.
 */
public final class Metrics {
  /** The cut-off of MRR, nDCG and the first recall. */
  public static final int CUTOFF = 10;
  /** The cut-off of the second recall. */
  public static final int DEEP_CUTOFF = 100;

  private Metrics() {}

  /**
   * Scores a ranking.
   *
   * @param qid the query id
   * @param ranked the ids in rank order, each once
   * @param grades the judged ids and their grades; a grade above 0 is relevant, an unjudged id is
   *     not
   */
  public static QueryScores score(String qid, List<String> ranked, Map<String, Integer> grades) {
    int relevant = (int) grades.values().stream().filter(g -> g > 0).count();
    int first = 0;
    int found10 = 0;
    int found100 = 0;
    double dcg = 0;
    for (int i = 0; i < ranked.size(); i++) {
      int grade = grades.getOrDefault(ranked.get(i), 0);
      int rank = i + 1;
      if (grade <= 0 || rank > DEEP_CUTOFF && first > 0) {
        continue;
      }
      if (first == 0) {
        first = rank;
      }
      if (rank > DEEP_CUTOFF) {
        break;
      }
      found100++;
      if (rank <= CUTOFF) {
        found10++;
        dcg += grade / log2(rank + 1);
      }
    }
    List<Integer> ideal = grades.values().stream().filter(g -> g > 0)
        .sorted((a, b) -> Integer.compare(b, a)).limit(CUTOFF).toList();
    double idcg = 0;
    for (int i = 0; i < ideal.size(); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return new QueryScores(qid, first,
        first >= 1 && first <= CUTOFF ? 1.0 / first : 0,
        idcg == 0 ? 0 : dcg / idcg,
        relevant == 0 ? 0 : (double) found10 / relevant,
        relevant == 0 ? 0 : (double) found100 / relevant);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
