package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.lucene.search.Explanation;
import org.depeche.ScoreExplanation;
import org.junit.jupiter.api.Test;

class ExplanationOrderTest {
  @Test
  void theDisjunctsOfAMaxAreGivenBestFirstWhateverTheOrderLuceneKeepsThemIn() {
    // Lucene's DisjunctionMaxQuery keeps its disjuncts in a hash multiset keyed by the queries'
    // hashes, which include their class's identity hash: their order changes from one JVM to the next.
    Explanation max = Explanation.match(5f, "max of:",
        Explanation.match(1f, "weight(text:royaum in 3) [BM25Similarity], result of:"),
        Explanation.match(5f, "weight(text:royaumeuni in 3) [BM25Similarity], result of:"),
        Explanation.match(1f, "weight(text:royaumeun in 3) [BM25Similarity], result of:"),
        Explanation.match(3f, "weight(text:uni in 3) [BM25Similarity], result of:"));
    ScoreExplanation e = PassageSearch.explain(max);
    assertEquals(List.of("weight(text:royaumeuni) BM25:", "weight(text:uni) BM25:", "weight(text:royaum) BM25:",
        "weight(text:royaumeun) BM25:"), e.details().stream().map(ScoreExplanation::description).toList());
  }

  @Test
  void theTermsOfASumKeepTheQuerysOrder() {
    Explanation sum = Explanation.match(6f, "sum of:",
        Explanation.match(1f, "weight(text:mali in 3) [BM25Similarity], result of:"),
        Explanation.match(5f, "weight(text:bamako in 3) [BM25Similarity], result of:"));
    assertEquals(List.of("weight(text:mali) BM25:", "weight(text:bamako) BM25:"),
        PassageSearch.explain(sum).details().stream().map(ScoreExplanation::description).toList());
  }
}
