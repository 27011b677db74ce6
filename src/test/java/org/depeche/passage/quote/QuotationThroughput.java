package org.depeche.passage.quote;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.depeche.Article;
import org.depeche.TextAnalyzer;
import org.depeche.corpus.CorpusReader;
import org.depeche.index.Schema;
import org.depeche.passage.Passage;
import org.depeche.passage.PassageSplitter;

/**
 * Measures what finding quotations costs the indexing of OrangeSum: the articles are read into
 * memory once, then indexed the way {@code DepecheIndex.add} does (passages, quotations, Lucene
 * documents, one commit), with quotations off and on in turn, {@code ROUNDS} times each, in one
 * process; it prints each run's articles per second of wall-clock time and of the process's CPU
 * time (which other processes on a shared machine do not disturb), and the best of each.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.depeche.passage.quote.QuotationThroughput \
 *     ../shared/data/orangesum/orangesum.jsonl.gz 3
 * </pre>
 */
public final class QuotationThroughput {
  private QuotationThroughput() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/data/orangesum/orangesum.jsonl.gz");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Article> articles = new ArrayList<>();
    new CorpusReader().read(List.of(corpus), articles::add, problem -> { });
    System.out.printf(Locale.ROOT, "%,d articles from %s%n", articles.size(), corpus);
    double[][] best = new double[2][2];
    for (int round = 0; round < rounds; round++) {
      for (int on = 0; on <= 1; on++) {
        double[] rates = index(articles, on == 1);
        best[on][0] = Math.max(best[on][0], rates[0]);
        best[on][1] = Math.max(best[on][1], rates[1]);
        System.out.printf(Locale.ROOT, "round %d, quotations %-3s: %,.0f articles/s, %,.0f articles/CPU-s%n",
            round + 1, on == 1 ? "on" : "off", rates[0], rates[1]);
      }
    }
    System.out.printf(Locale.ROOT, "best wall-clock: off %,.0f, on %,.0f articles/s: %+.1f %%%n",
        best[0][0], best[1][0], 100 * (best[1][0] - best[0][0]) / best[0][0]);
    System.out.printf(Locale.ROOT, "best CPU: off %,.0f, on %,.0f articles/CPU-s: %+.1f %%%n",
        best[0][1], best[1][1], 100 * (best[1][1] - best[0][1]) / best[0][1]);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Returns {articles per wall-clock second, articles per CPU second}. */
  private static double[] index(List<Article> articles, boolean quotations) throws Exception {
    Path dir = Files.createTempDirectory("depeche-throughput-");
    try {
      System.gc();
      long started = System.nanoTime();
      long cpu = cpuNanos();
      Analyzer analyzer = Schema.analyzer(TextAnalyzer.DEPECHE);
      try (FSDirectory directory = FSDirectory.open(dir);
          IndexWriter writer = new IndexWriter(directory,
              new IndexWriterConfig(analyzer)
                  .setSimilarity(Schema.similarity()).setRAMBufferSizeMB(128))) {
        for (Article a : articles) {
          List<Passage> passages = PassageSplitter.split(a);
          List<List<Quotation>> quotes = quotations
              ? QuoteFinder.byPassage(a, passages)
              : passages.stream().map(p -> List.<Quotation>of()).toList();
          writer.addDocuments(Schema.documents(a, passages, quotes, null, analyzer));
        }
        writer.commit();
      }
      return new double[] {articles.size() / ((System.nanoTime() - started) / 1e9),
          articles.size() / ((cpuNanos() - cpu) / 1e9)};
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
