package org.depeche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.depeche.cli.CliTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code depeche eval} and {@code depeche index --analyzer}, run as a user runs them, on the test
 * corpus ({@code src/test/resources/corpus}).
 */
class EvalAndAnalyzerCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MALI = "royaume-uni-retrait-mali.txt";

  @TempDir static Path shared;
  @TempDir Path dir;

  private static Path corpus;
  private static Path index;
  private static Path queries;

  @BeforeAll
  static void indexTheTestCorpus() throws Exception {
    corpus = Path.of(EvalAndAnalyzerCliTest.class.getResource("/corpus/" + MALI).toURI()).getParent();
    index = shared.resolve("index");
    Run r = CliTest.run("index", "--index", index.toString(), corpus.toString());
    assertEquals(0, r.code(), r.err());
    queries = shared.resolve("queries.tsv");
    // q3 holds only stop words: it finds nothing and counts 0.
    Files.writeString(queries, "q1\tHeappey\nq2\tresponsabilité Bamako\nq3\tle la les\n");
  }

  private Path qrels(String text) throws Exception {
    Path file = dir.resolve("qrels.txt");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void evalPrintsTheMeansOverTheJudgedQueries() throws Exception {
    Path qrels = qrels("q1 0 " + MALI + " 1\nq2 0 " + MALI + " 1\nq3 0 " + MALI + " 1\n");
    Run r = CliTest.run("eval", "--index", index.toString(), "--queries", queries.toString(),
        "--qrels", qrels.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(
        "queries     3",
        "level       article",
        "MRR@10      0.6667",
        "nDCG@10     0.6667",
        "Recall@10   0.6667",
        "Recall@100  0.6667"), r.out().lines().toList());
  }

  @Test
  void evalJsonPerQueryAtPassageLevelAndTheRunFile() throws Exception {
    // Heappey speaks in the fourth paragraph (#3), which ranks first before re-scoring (re-scoring
    // puts #1, which names him too, first: earlier in the article); "responsabilité Bamako" is in
    // the third (#2).
    Path qrels = qrels("q1 0 " + MALI + "#3 1\nq2 0 " + MALI + "#0 1\n");
    Path runFile = dir.resolve("run.trec");
    Run r = CliTest.run("eval", "--index", index.toString(), "--queries", queries.toString(),
        "--qrels", qrels.toString(), "--level", "passage", "--per-query", "--json",
        "--run", runFile.toString(), "--no-rescore");
    assertEquals(0, r.code(), r.err());
    JsonNode root = JSON.readTree(r.out());
    assertEquals("passage", root.get("level").asText());
    assertEquals(2, root.get("queries").asInt());
    assertEquals(1, root.get("per_query").get(0).get("first_relevant_rank").asInt());
    assertEquals("q2", root.get("per_query").get(1).get("qid").asText());
    assertTrue(root.get("per_query").get(1).get("first_relevant_rank").asInt() != 1, r.out());
    assertTrue(root.get("mrr_10").asDouble() < 1 && root.get("mrr_10").asDouble() >= 0.5, r.out());
    List<String> run = Files.readAllLines(runFile);
    assertTrue(run.getFirst().matches("q1 Q0 " + MALI.replace(".", "\\.") + "#3 1 \\d+\\.\\d{6} depeche"),
        run.getFirst());
    assertEquals(List.of("q1", "q2"), run.stream().map(l -> l.split(" ")[0]).distinct().toList());
  }

  @Test
  void evalRejectsAnUnknownLevelAndReportsABadQrelsLine() throws Exception {
    Path qrels = qrels("q1 0 " + MALI + "\n");
    Run level = CliTest.run("eval", "--index", index.toString(), "--queries", queries.toString(),
        "--qrels", qrels.toString(), "--level", "paragraph");
    assertEquals(ExitCodes.USAGE, level.code());
    assertTrue(level.err().startsWith("depeche: --level must be 'article' or 'passage'"), level.err());
    Run bad = CliTest.run("eval", "--index", index.toString(), "--queries", queries.toString(),
        "--qrels", qrels.toString());
    assertEquals(ExitCodes.BAD_INPUT, bad.code());
    assertEquals("depeche: " + qrels + ":1: expected 'qid 0 docid relevance'\n", bad.err());
  }

  @Test
  void theAnalyzerIsRecordedAndAnotherOneIsRefused() {
    Path lucene = dir.resolve("lucene");
    Run made = CliTest.run("index", "--index", lucene.toString(), "--analyzer", "lucene-french",
        corpus.toString());
    assertEquals(0, made.code(), made.err());
    assertTrue(CliTest.run("stats", "--index", lucene.toString()).out().contains("analyzer     lucene-french"));
    Run search = CliTest.run("search", "--index", lucene.toString(), "-n", "1", "responsabilité Bamako");
    assertTrue(search.out().contains(MALI + "#2"), search.out());

    Run again = CliTest.run("index", "--index", lucene.toString(), "--analyzer", "depeche", corpus.toString());
    assertEquals(ExitCodes.INDEX, again.code());
    assertEquals("depeche: index " + lucene + " was built with analyzer 'lucene-french', not 'depeche': "
        + "index into another directory, leave --analyzer out, or replace it with --recreate\n", again.err());
    assertEquals(0, CliTest.run("index", "--index", lucene.toString(), corpus.toString()).code());
  }

  @Test
  void anUnknownAnalyzerIsAUsageError() {
    Run r = CliTest.run("index", "--index", dir.resolve("x").toString(), "--analyzer", "snowball");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().startsWith("depeche: --analyzer: unknown analyzer 'snowball'; expected one of "
        + "depeche, depeche-light, lucene-french"), r.err());
  }
}
