package org.depeche.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.depeche.DepecheIndex;
import org.depeche.QuerySyntaxException;
import org.depeche.Ranking;
import org.depeche.SearchOptions;
import org.depeche.search.QueryParser;

/**
 * One search measurement, in a process of its own:
 * {@code SearchRun depeche|lucene INDEX_DIR NAME=QUERIES.tsv...} warms up, then runs each query
 * set once per setting (top 10 and top 100; one thread and two) and prints, per setting,
 * {@code RESULT set=… k=… threads=… qps=… p50=… p95=… p99=… cpu=… workers=…} (latencies in
 * milliseconds; {@code cpu}: CPU milliseconds per query, all threads of the process, the JIT
 * compilers' included; {@code workers}: the search threads' own CPU milliseconds per query).
 *
 * <p>depeche answers the top 10 as the command line does, with snippets (and a spelling suggestion
 * when the results leave room for one), and the top 100 as a {@code --queries} batch does, without
 * either; the baseline never makes snippets.
 */
final class SearchRun {
  private static final int[] KS = {10, 100};
  private static final int[] THREADS = {1, 2};
  /** Warm-up queries per setting, taken from the start of each set: enough for the JIT to settle. */
  private static final int WARM_UP = 1500;

  private SearchRun() {}

  /** One engine's search, ready to run from several threads. */
  private interface Engine extends AutoCloseable {
    void search(String query, int k) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String engineName = args[0];
    Path dir = Path.of(args[1]);
    List<String> names = new ArrayList<>();
    List<List<String>> sets = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String[] nameAndFile = args[i].split("=", 2);
      names.add(nameAndFile[0]);
      sets.add(queries(Path.of(nameAndFile[1])));
    }
    try (Engine engine = engineName.equals("depeche") ? depeche(dir) : lucene(dir)) {
      for (List<String> set : sets) {
        for (int k : KS) {
          for (String q : set.subList(0, Math.min(WARM_UP, set.size()))) {
            engine.search(q, k);
          }
        }
      }
      for (int s = 0; s < sets.size(); s++) {
        for (int k : KS) {
          for (int threads : THREADS) {
            run(engine, names.get(s), sets.get(s), k, threads);
          }
        }
      }
    }
  }

  private static void run(Engine engine, String name, List<String> queries, int k, int threads)
      throws Exception {
    long[] nanos = new long[queries.size()];
    AtomicInteger next = new AtomicInteger();
    Exception[] failure = new Exception[1];
    List<Thread> workers = new ArrayList<>();
    // The search threads' own CPU: the process's also counts the JIT compiling after the warm-up
    // (one14, docs/performance-history.md), which lands in whichever row runs next.
    AtomicLong workerNanos = new AtomicLong();
    long started = System.nanoTime();
    double cpuStarted = Memory.cpuSeconds();
    for (int t = 0; t < threads; t++) {
      workers.add(Thread.ofPlatform().start(() -> {
        try {
          for (int i = next.getAndIncrement(); i < nanos.length; i = next.getAndIncrement()) {
            long start = System.nanoTime();
            engine.search(queries.get(i), k);
            nanos[i] = System.nanoTime() - start;
          }
          workerNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        } catch (Exception e) {
          synchronized (failure) {
            failure[0] = e;
          }
        }
      }));
    }
    for (Thread w : workers) {
      w.join();
    }
    if (failure[0] != null) {
      throw failure[0];
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuMillisPerQuery = (Memory.cpuSeconds() - cpuStarted) * 1000 / queries.size();
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "RESULT set=%s k=%d threads=%d qps=%.1f p50=%.3f p95=%.3f p99=%.3f cpu=%.3f workers=%.3f%n",
        name, k, threads, queries.size() / seconds, millis(nanos, 0.50), millis(nanos, 0.95),
        millis(nanos, 0.99), cpuMillisPerQuery, workerNanos.get() / 1e6 / queries.size());
  }

  private static double millis(long[] sorted, double quantile) {
    return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
  }

  private static List<String> queries(Path tsv) throws Exception {
    return Files.readAllLines(tsv, StandardCharsets.UTF_8).stream()
        .filter(line -> line.indexOf('\t') > 0)
        .map(line -> line.substring(line.indexOf('\t') + 1).strip())
        .filter(q -> !q.isEmpty())
        .toList();
  }

  private static Engine depeche(Path dir) {
    DepecheIndex index = DepecheIndex.open(dir);
    Ranking ranking = ranking();
    SearchOptions top10 = SearchOptions.defaults().withRanking(ranking);
    // As `depeche search --queries` runs: no snippets, no spelling suggestion.
    SearchOptions top100 = top10.withLimit(100).withSnippets(false).withSuggestion(false);
    return new Engine() {
      @Override
      public void search(String query, int k) {
        SearchOptions options = k == 10 ? top10 : top100;
        try {
          index.search(query, options);
        } catch (QuerySyntaxException e) {
          // As `depeche search --queries` does: a query that is not valid syntax is plain words.
          try {
            index.search(QueryParser.plainWords(query), options);
          } catch (QuerySyntaxException stillMalformed) {
            // Nothing left to search, as in the batch command.
          }
        }
      }

      @Override
      public void close() {
        index.close();
      }
    };
  }

  /**
   * The default ranking, or another to price a part of it: {@code -Dbench.articleWeight=0},
   * {@code -Dbench.proximityWeight=0}, {@code -Dbench.allWordsFirst=false}, {@code
   * -Dbench.rescore=false}, as {@code depeche search}'s ranking options.
   */
  private static Ranking ranking() {
    Ranking r = Ranking.defaults();
    r = set(r, "bench.articleWeight", (x, v) -> x.withArticleWeight(Float.parseFloat(v)));
    r = set(r, "bench.proximityWeight", (x, v) -> x.withProximityWeight(Float.parseFloat(v)));
    r = set(r, "bench.allWordsFirst", (x, v) -> x.withAllWordsFirst(Boolean.parseBoolean(v)));
    return set(r, "bench.rescore", (x, v) -> x.withRescore(Boolean.parseBoolean(v)));
  }

  /** {@code ranking} with the setting of a system property applied, or as it is when that is unset. */
  private static Ranking set(Ranking ranking, String property, BiFunction<Ranking, String, Ranking> with) {
    String value = System.getProperty(property);
    return value == null ? ranking : with.apply(ranking, value);
  }

  private static Engine lucene(Path dir) throws Exception {
    LuceneBaseline.Searcher searcher = new LuceneBaseline.Searcher(dir);
    return new Engine() {
      @Override
      public void search(String query, int k) throws Exception {
        searcher.search(query, k);
      }

      @Override
      public void close() throws Exception {
        searcher.close();
      }
    };
  }
}
