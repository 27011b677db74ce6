package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.depeche.cli.Main;
import org.depeche.eval.ArticleMrr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the PIAF questions (../shared/data/piaf), depeche ranks at least as well as plain Lucene with
 * its stock FrenchAnalyzer and BM25 on the same paragraphs, titles included (MRR@10 0.764).
 */
class PiafRelevanceIT {
  static final Path PIAF = Path.of("../shared/data/piaf");
  static final double PLAIN_LUCENE_MRR = 0.764;

  @Test
  void batchSearchAnswersEveryQuestionAndBeatsPlainLucene(@TempDir Path index) throws Exception {
    assumeTrue(Files.isDirectory(PIAF), "no PIAF data at " + PIAF.toAbsolutePath());
    StringWriter err = new StringWriter();
    assertEquals(0, run(new StringWriter(), err, "index", "--index", index.toString(),
        PIAF.resolve("passages.jsonl.gz").toString()), err.toString());

    StringWriter out = new StringWriter();
    assertEquals(0, run(out, err, "search", "--index", index.toString(),
        "--queries", PIAF.resolve("queries-dev.tsv").toString(), "--trec", "-n", "100"), err.toString());
    List<String> lines = Arrays.asList(out.toString().split("\n"));
    long answered = lines.stream().map(l -> l.split(" ")[0]).distinct().count();
    long asked = Files.readAllLines(PIAF.resolve("queries-dev.tsv")).stream().filter(l -> !l.isBlank()).count();
    // A few questions hold no indexed word ("Qui ragequit?"): they are run, and find nothing.
    assertTrue(answered >= asked * 0.99, answered + " of " + asked + " questions found a passage");
    assertFalse(err.toString().contains("error:"), err.toString());

    double mrr = ArticleMrr.mrrAt10(lines, PIAF.resolve("qrels-dev.txt"));
    System.out.printf("PIAF dev: %d questions, article-level MRR@10 %.4f (plain Lucene %.3f)%n",
        asked, mrr, PLAIN_LUCENE_MRR);
    assertTrue(mrr >= PLAIN_LUCENE_MRR, "MRR@10 " + mrr + " is below plain Lucene's " + PLAIN_LUCENE_MRR);
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    return Main.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
  }
}
