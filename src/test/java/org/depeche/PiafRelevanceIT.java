package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.depeche.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the PIAF questions (../shared/data/piaf), {@code depeche eval} with the default settings ranks
 * better than plain Lucene with its stock FrenchAnalyzer and BM25 on the same paragraphs, titles
 * included (MRR@10 0.764), and keeps the default's measured figure.
 */
class PiafRelevanceIT {
  static final Path PIAF = Path.of("../shared/data/piaf");
  static final double PLAIN_LUCENE_MRR = 0.764;
  /**
   * The default's figure (0.7964, docs/relevance.md), less a margin for changes that move a few
   * questions; above the bar of issue 3 (0.787).
   */
  static final double DEFAULT_MRR_FLOOR = 0.790;

  @Test
  void evalOnTheDevQuestionsBeatsPlainLuceneAndKeepsTheDefaultsFigure(@TempDir Path index) throws Exception {
    assumeTrue(Files.isDirectory(PIAF), "no PIAF data at " + PIAF.toAbsolutePath());
    StringWriter err = new StringWriter();
    assertEquals(0, run(new StringWriter(), err, "index", "--index", index.toString(),
        PIAF.resolve("passages.jsonl.gz").toString()), err.toString());

    StringWriter out = new StringWriter();
    assertEquals(0, run(out, err, "eval", "--index", index.toString(), "--json",
        "--queries", PIAF.resolve("queries-dev.tsv").toString(),
        "--qrels", PIAF.resolve("qrels-dev.txt").toString()), err.toString());
    assertFalse(err.toString().contains("error:"), err.toString());
    JsonNode report = new ObjectMapper().readTree(out.toString());
    long asked = Files.readAllLines(PIAF.resolve("queries-dev.tsv")).stream().filter(l -> !l.isBlank()).count();
    assertEquals(asked, report.get("queries").asLong());

    double mrr = report.get("mrr_10").asDouble();
    System.out.printf("PIAF dev: %d questions, article-level MRR@10 %.4f (plain Lucene %.3f)%n",
        asked, mrr, PLAIN_LUCENE_MRR);
    assertTrue(mrr >= DEFAULT_MRR_FLOOR, "MRR@10 " + mrr + " is below " + DEFAULT_MRR_FLOOR
        + " (plain Lucene: " + PLAIN_LUCENE_MRR + ")");
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    return Main.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
  }
}
