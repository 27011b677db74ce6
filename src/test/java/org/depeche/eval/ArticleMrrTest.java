package org.depeche.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleMrrTest {

  @Test
  void scoresEachArticleOnceAtItsBestPassageAndCountsMissingQueriesAsZero(@TempDir Path dir)
      throws Exception {
    Path qrels = dir.resolve("qrels");
    Files.writeString(qrels, "q1 0 a 1\nq2 0 c 1\nq3 0 z 1\nq4 0 w 1\n");
    List<String> run = List.of(
        "q1 Q0 b#0 1 9.0 t", "q1 Q0 b#1 2 8.0 t", "q1 Q0 a#3 3 7.0 t",  // a is the 2nd article
        "q2 Q0 c#2 1 5.0 t",                                            // c first: 1
        "q3 Q0 y#0 1 1.0 t");                                           // z never: 0
    // q4 is judged but has no line in the run: it counts 0.
    assertEquals((0.5 + 1.0 + 0.0 + 0.0) / 4, ArticleMrr.mrrAt10(run, qrels), 1e-9);
  }
}
