package org.depeche.eval;

import java.util.List;

/**
 * The measures of a run over a test collection: the mean of each query's measures, over the judged
 * queries that have a relevant item (a query that found nothing counts 0).
 *
 * @param level what the ranked ids were judged as
 * @param queries the number of queries averaged over
 * @param mrr10 mean reciprocal rank of the first relevant item within the first 10
 * @param ndcg10 mean nDCG@10
 * @param recall10 mean Recall@10
 * @param recall100 mean Recall@100
 * @param perQuery each query's measures, in the order of the judgments
 */
public record EvalReport(
    Level level, int queries, double mrr10, double ndcg10, double recall10, double recall100,
    List<QueryScores> perQuery) {

  public EvalReport {
    perQuery = List.copyOf(perQuery);
  }
}
