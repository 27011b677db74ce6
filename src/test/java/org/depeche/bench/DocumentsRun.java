package org.depeche.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.depeche.Article;
import org.depeche.TextAnalyzer;
import org.depeche.corpus.CorpusReader;
import org.depeche.index.Schema;
import org.depeche.passage.Passage;
import org.depeche.passage.PassageSplitter;
import org.depeche.passage.quote.QuoteFinder;
import org.depeche.passage.quote.Quotation;

/**
 * What an indexing thread does before Lucene inverts anything, on one thread: the CPU time of the
 * thread only, so that other processes on the machine count for little.
 *
 * <p>{@code java -XX:+UseSerialGC -Xmx2g -cp target/test-classes:target/depeche.jar:target/lib/* \
 * org.depeche.bench.DocumentsRun CORPUS [ROUNDS]} reads the articles of CORPUS (a file or
 * directory), splits them and finds their quotations once, then prints, for each of ROUNDS rounds
 * (default 6), the milliseconds of CPU that splitting every article into passages took, those that
 * finding every article's quotations ({@link QuoteFinder#byPassage}) took, and those that building
 * every article's documents ({@link Schema#documents}, the title analyzed, the passages' records
 * and quotations written, nothing indexed) took.
 */
public final class DocumentsRun {
  private DocumentsRun() {}

  public static void main(String[] args) throws IOException {
    List<Article> articles = new ArrayList<>();
    new CorpusReader().read(List.of(Path.of(args[0])), articles::add, problem -> {});
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Analyzer analyzer = Schema.analyzer(TextAnalyzer.DEPECHE);
    List<List<Passage>> passages = new ArrayList<>();
    List<List<List<Quotation>>> quotations = new ArrayList<>();
    for (Article article : articles) {
      List<Passage> split = PassageSplitter.split(article);
      passages.add(split);
      quotations.add(QuoteFinder.byPassage(article, split));
    }
    long made = 0;
    for (int round = 1; round <= rounds; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (Article article : articles) {
        made += PassageSplitter.split(article).size();
      }
      long split = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < articles.size(); i++) {
        made += QuoteFinder.byPassage(articles.get(i), passages.get(i)).size();
      }
      long quoted = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < articles.size(); i++) {
        made += Schema.documents(articles.get(i), passages.get(i), quotations.get(i), null, analyzer).size();
      }
      long built = threads.getCurrentThreadCpuTime();
      System.out.printf("round %d: split %d ms, quotations %d ms, documents %d ms%n", round,
          (split - start) / 1_000_000, (quoted - split) / 1_000_000, (built - quoted) / 1_000_000);
    }
    System.out.println(articles.size() + " articles, " + made + " passages, quotation lists and documents made");
  }
}
