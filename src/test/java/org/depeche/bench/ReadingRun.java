package org.depeche.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.depeche.corpus.CorpusReader;

/**
 * What the reading thread of an indexing run does before it hands an article over, for depeche
 * and for the baseline, on one thread: the CPU time of the thread only.
 *
 * <p>{@code java -XX:+UseSerialGC -Xmx1g -cp target/test-classes:target/depeche.jar:target/lib/* \
 * org.depeche.bench.ReadingRun CORPUS.jsonl.gz [ROUNDS]} prints, for each of ROUNDS rounds (default
 * 4), the milliseconds of CPU that {@link CorpusReader} took to read every article of CORPUS (gunzip,
 * lines, JSON, paragraphs, dates), those that the baseline's reading took ({@link
 * LuceneBaseline}'s loop, its documents made and dropped), and those that gunzipping the file alone
 * took.
 */
public final class ReadingRun {
  private ReadingRun() {}

  public static void main(String[] args) throws Exception {
    Path corpus = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int round = 1; round <= rounds; round++) {
      long start = threads.getCurrentThreadCpuTime();
      long[] paragraphs = {0};
      new CorpusReader().read(List.of(corpus), a -> paragraphs[0] += a.paragraphs().size(), problem -> {});
      long depeche = threads.getCurrentThreadCpuTime();
      long documents = LuceneBaseline.read(corpus, doc -> {});
      long baseline = threads.getCurrentThreadCpuTime();
      long bytes = gunzipped(corpus);
      long gunzip = threads.getCurrentThreadCpuTime();
      System.out.printf("round %d: depeche %d ms (%d paragraphs), baseline %d ms (%d documents), gunzip %d ms"
          + " (%d bytes)%n", round, (depeche - start) / 1_000_000, paragraphs[0], (baseline - depeche) / 1_000_000,
          documents, (gunzip - baseline) / 1_000_000, bytes);
    }
  }

  private static long gunzipped(Path corpus) throws Exception {
    long bytes = 0;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(corpus), 1 << 16)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        bytes += n;
      }
    }
    return bytes;
  }
}
