package org.depeche.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measures on small hand-made runs, worked out by hand with trec_eval's definitions ({@code
 * trec_eval -c -m recip_rank -m ndcg_cut.10 -m recall.10,100}, the reciprocal rank cut at 10).
 */
class MetricsTest {
  private static final double EPS = 1e-9;

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static List<String> misses(int n) {
    List<String> ranked = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ranked.add("n" + i);
    }
    return ranked;
  }

  @Test
  void gradedRunWithAnUnjudgedAndANonRelevantItem() {
    // Relevant: d1 (grade 1), d2 (grade 2), d4 (grade 1); d3 judged not relevant; d5 unjudged.
    Map<String, Integer> grades = Map.of("d1", 1, "d2", 2, "d3", 0, "d4", 1);
    QueryScores s = Metrics.score("q1", List.of("d3", "d2", "d5", "d1"), grades);

    double dcg = 2 / log2(3) + 1 / log2(5);               // d2 at rank 2, d1 at rank 4
    double idcg = 2 / log2(2) + 1 / log2(3) + 1 / log2(4); // grades 2, 1, 1 at ranks 1, 2, 3
    assertEquals(2, s.firstRelevantRank());
    assertEquals(0.5, s.reciprocalRank10(), EPS);
    assertEquals(dcg / idcg, s.ndcg10(), EPS);
    assertEquals(0.5405858, s.ndcg10(), 1e-7);
    assertEquals(2.0 / 3, s.recall10(), EPS);
    assertEquals(2.0 / 3, s.recall100(), EPS);
  }

  @Test
  void aRelevantItemAtRankElevenCountsForRecallAtHundredOnly() {
    List<String> ranked = misses(10);
    ranked.add("r");
    QueryScores s = Metrics.score("q", ranked, Map.of("r", 1));
    assertEquals(11, s.firstRelevantRank());
    assertEquals(0, s.reciprocalRank10(), EPS);
    assertEquals(0, s.ndcg10(), EPS);
    assertEquals(0, s.recall10(), EPS);
    assertEquals(1, s.recall100(), EPS);
  }

  @Test
  void aRelevantItemBeyondRankHundredIsFoundButNotRecalled() {
    List<String> ranked = misses(100);
    ranked.add("r");
    QueryScores s = Metrics.score("q", ranked, Map.of("r", 1));
    assertEquals(101, s.firstRelevantRank());
    assertEquals(0, s.recall100(), EPS);
  }

  @Test
  void articleLevelCountsEachArticleOnceAtItsBestPassage() {
    assertEquals(List.of("a", "b", "c"), Level.ARTICLE.view(List.of("a#2", "b#0", "a#0", "c#1")));
    assertEquals(List.of("a#2", "b#0", "a#0"), Level.PASSAGE.view(List.of("a#2", "b#0", "a#0")));
  }

  @Test
  void meansAreOverTheJudgedQueriesWithARelevantItemAndAMissingRunCountsZero(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("qrels");
    Files.writeString(file, """
        q1 0 a 1
        q2 0 c 1
        q3 0 z 1
        q4 0 w 1
        q5 0 v 0
        """);
    Map<String, List<String>> run = Map.of(
        "q1", List.of("b#0", "b#1", "a#3"),  // a is the second article: 1/2
        "q2", List.of("c#2"),                // 1
        "q3", List.of("y#0"),                // z never: 0
        "q5", List.of("v#0"),                // no relevant article: not averaged
        "q9", List.of("a#0"));               // not judged: ignored
    // q4 is judged but was not run: it counts 0.
    EvalReport r = Evaluation.score(run, Qrels.read(file), Level.ARTICLE);
    assertEquals(4, r.queries());
    assertEquals((0.5 + 1.0) / 4, r.mrr10(), EPS);
    assertEquals((1 / log2(3) + 1.0) / 4, r.ndcg10(), EPS);
    assertEquals(2.0 / 4, r.recall10(), EPS);
    assertEquals(List.of(2, 1, 0, 0), r.perQuery().stream().map(QueryScores::firstRelevantRank).toList());
  }
}
