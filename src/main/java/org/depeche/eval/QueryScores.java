package org.depeche.eval;

/**
 * The measures of one query's ranking against its judgments.
 *
 * @param qid the query id
 * @param firstRelevantRank the rank (from 1) of the first relevant item, 0 when none was returned
 * @param reciprocalRank10 1 / {@code firstRelevantRank} when it is 10 or better, else 0
 * @param ndcg10 nDCG@10 with the grades as gains and log2(rank + 1) discounts (trec_eval's
 *     {@code ndcg_cut_10})
 * @param recall10 the share of the relevant items found in the first 10
 * @param recall100 the share of the relevant items found in the first 100
 */
public record QueryScores(
    String qid, int firstRelevantRank, double reciprocalRank10, double ndcg10, double recall10,
    double recall100) {}
