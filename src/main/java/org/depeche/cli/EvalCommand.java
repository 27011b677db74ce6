package org.depeche.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.depeche.DepecheException;
import org.depeche.DepecheIndex;
import org.depeche.PassageHit;
import org.depeche.SearchOptions;
import org.depeche.eval.EvalReport;
import org.depeche.eval.Evaluation;
import org.depeche.eval.Level;
import org.depeche.eval.QueryScores;
import org.depeche.eval.Qrels;
import org.depeche.eval.Topic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code depeche eval}: measures ranking on judged queries. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    header = "Measure ranking on judged queries: MRR@10, nDCG@10, Recall@10, Recall@100.",
    description = {
      "Runs every query of --queries (lines of qid<TAB>query) and scores the rankings against "
          + "--qrels (TREC lines 'qid 0 docid relevance'), as trec_eval -c does: the means are over "
          + "the judged queries with a relevant item, and a query that found none counts 0.",
      "MRR@10 is the mean of 1/rank of the first relevant item in the first 10; nDCG@10 takes the "
          + "relevance grades as gains."
    })
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
      description = "The index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--queries", paramLabel = "FILE", required = true,
      description = "The queries, lines of qid<TAB>query.")
  Path queries;

  @Option(names = "--qrels", paramLabel = "FILE", required = true,
      description = "The judgments, TREC lines 'qid 0 docid relevance'.")
  Path qrels;

  @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "article",
      description = "What the judged ids are: 'article' counts each passage <article id>#<n> as its "
          + "article, each article once at the rank of its best passage; 'passage' judges passage "
          + "ids as they are (default: ${DEFAULT-VALUE}).")
  String level;

  @Option(names = "-n", paramLabel = "N", converter = LimitConverter.class,
      defaultValue = "100",
      description = "The number of passages to retrieve for each query (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--run", paramLabel = "FILE",
      description = "Also write the run to FILE, TREC lines 'qid Q0 passage_id rank score depeche'.")
  Path run;

  @Option(names = "--per-query", description = "List each query's rank of its first relevant item (0: none found).")
  boolean perQuery;

  @Option(names = "--json", description = "Print the measures as JSON.")
  boolean json;

  @Spec
  CommandSpec spec;

  /** Returns the command's model: its annotations, and the {@link RankingOptions}. */
  static CommandSpec model() {
    CommandSpec model = CommandSpec.forAnnotatedObject(new EvalCommand());
    RankingOptions.addTo(model);
    return model;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Level lvl = switch (level) {
      case "article" -> Level.ARTICLE;
      case "passage" -> Level.PASSAGE;
      default -> throw new ParameterException(spec.commandLine(),
          "--level must be 'article' or 'passage', not '" + level + "'");
    };
    int[] code = {ExitCodes.OK};
    List<Topic> topics;
    Qrels judgments;
    try {
      topics = Topic.read(queries, problem -> {
        err.println("depeche: " + problem);
        code[0] = ExitCodes.BAD_INPUT;
      });
      judgments = Qrels.read(qrels);
    } catch (DepecheException e) {
      err.println("depeche: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    SearchOptions options = SearchOptions.defaults().withLimit(limit).withSnippets(false)
        .withRanking(RankingOptions.ranking(spec));
    Map<String, List<PassageHit>> hits;
    try (DepecheIndex idx = DepecheIndex.open(index)) {
      hits = Evaluation.search(idx, topics, options, problem -> err.println("depeche: " + problem));
    }
    if (run != null) {
      try {
        writeRun(hits, run);
      } catch (IOException e) {
        err.println("depeche: cannot write " + run + ": " + e.getMessage());
        return ExitCodes.BAD_INPUT;
      }
    }
    EvalReport report = Evaluation.score(Evaluation.ids(hits), judgments, lvl);
    if (json) {
      out.println(Json.write(json(report)));
    } else {
      printText(report, out);
    }
    out.flush();
    return code[0];
  }

  private static void writeRun(Map<String, List<PassageHit>> hits, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, List<PassageHit>> e : hits.entrySet()) {
        for (PassageHit h : e.getValue()) {
          w.write(String.format(Locale.ROOT, "%s Q0 %s %d %.6f depeche%n", e.getKey(), h.passageId(),
              h.rank(), h.score()));
        }
      }
    }
  }

  private void printText(EvalReport r, PrintWriter out) {
    if (perQuery) {
      out.println("qid\tfirst_relevant_rank");
      for (QueryScores q : r.perQuery()) {
        out.println(q.qid() + "\t" + q.firstRelevantRank());
      }
      out.println();
    }
    out.printf(Locale.ROOT, "queries     %,d%n", r.queries());
    out.printf(Locale.ROOT, "level       %s%n", r.level().name().toLowerCase(Locale.ROOT));
    out.printf(Locale.ROOT, "MRR@10      %.4f%n", r.mrr10());
    out.printf(Locale.ROOT, "nDCG@10     %.4f%n", r.ndcg10());
    out.printf(Locale.ROOT, "Recall@10   %.4f%n", r.recall10());
    out.printf(Locale.ROOT, "Recall@100  %.4f%n", r.recall100());
  }

  private ObjectNode json(EvalReport r) {
    ObjectNode root = Json.object()
        .put("level", r.level().name().toLowerCase(Locale.ROOT))
        .put("queries", r.queries())
        .put("mrr_10", r.mrr10())
        .put("ndcg_10", r.ndcg10())
        .put("recall_10", r.recall10())
        .put("recall_100", r.recall100());
    if (perQuery) {
      var array = root.putArray("per_query");
      for (QueryScores q : r.perQuery()) {
        array.addObject().put("qid", q.qid()).put("first_relevant_rank", q.firstRelevantRank())
            .put("rr_10", q.reciprocalRank10()).put("ndcg_10", q.ndcg10())
            .put("recall_10", q.recall10()).put("recall_100", q.recall100());
      }
    }
    return root;
  }
}
