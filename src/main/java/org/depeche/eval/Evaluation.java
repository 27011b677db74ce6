package org.depeche.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.depeche.DepecheIndex;
import org.depeche.PassageHit;
import org.depeche.QuerySyntaxException;
import org.depeche.SearchOptions;
import org.depeche.search.QueryParser;

/**
 * Measures ranking on judged queries: runs each query, then scores the rankings against the
 * judgments with {@link Metrics}.
 *
 * <pre>{@code
 * List<Topic> topics = Topic.read(Path.of("queries.tsv"), System.err::println);
 * Map<String, List<PassageHit>> run = Evaluation.search(index, topics, options, System.err::println);
 * EvalReport report = Evaluation.score(Evaluation.ids(run), Qrels.read(Path.of("qrels.txt")), Level.ARTICLE);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Evaluation {
  private Evaluation() {}

  /**
   * Runs each topic's query and returns the hits by query id, in the topics' order. A query that is
   * not valid syntax is searched as plain words, with a warning to {@code problems}; one that is
   * still not valid is reported and gets no hits.
   */
  public static Map<String, List<PassageHit>> search(
      DepecheIndex index, List<Topic> topics, SearchOptions options, Consumer<String> problems) {
    Map<String, List<PassageHit>> run = new LinkedHashMap<>();
    for (Topic topic : topics) {
      List<PassageHit> hits;
      try {
        hits = index.search(topic.query(), options).hits();
      } catch (QuerySyntaxException e) {
        try {
          hits = index.search(QueryParser.plainWords(topic.query()), options).hits();
          problems.accept("query " + topic.qid() + ": warning: " + e.getMessage() + "; searched as plain words");
        } catch (QuerySyntaxException stillMalformed) {
          problems.accept("query " + topic.qid() + ": error: " + e.getMessage() + "; no results");
          hits = List.of();
        }
      }
      run.put(topic.qid(), hits);
    }
    return run;
  }

  /** Returns the passage ids of each query's hits, in rank order. */
  public static Map<String, List<String>> ids(Map<String, List<PassageHit>> run) {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    run.forEach((qid, hits) -> ids.put(qid, hits.stream().map(PassageHit::passageId).toList()));
    return ids;
  }

  /**
   * Scores rankings against judgments. Every query of {@code qrels} with a relevant item counts,
   * whether or not it was run; rankings of queries without judgments are ignored.
   *
   * @param rankings ranked passage ids (or article ids) by query id
   * @param qrels the judgments, of passages or of articles as {@code level} says
   * @param level whether a passage id counts as itself or as its article
   */
  public static EvalReport score(Map<String, List<String>> rankings, Qrels qrels, Level level) {
    List<QueryScores> perQuery = new ArrayList<>();
    double[] sums = new double[4];
    qrels.judgments().forEach((qid, grades) -> {
      if (qrels.relevantCount(qid) == 0) {
        return;
      }
      QueryScores s = Metrics.score(qid, level.view(rankings.getOrDefault(qid, List.of())), grades);
      perQuery.add(s);
      sums[0] += s.reciprocalRank10();
      sums[1] += s.ndcg10();
      sums[2] += s.recall10();
      sums[3] += s.recall100();
    });
    int n = perQuery.size();
    return new EvalReport(level, n, mean(sums[0], n), mean(sums[1], n), mean(sums[2], n),
        mean(sums[3], n), perQuery);
  }

  private static double mean(double sum, int n) {
    return n == 0 ? 0 : sum / n;
  }
}
