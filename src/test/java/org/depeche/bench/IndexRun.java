package org.depeche.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.depeche.DepecheIndex;
import org.depeche.IndexingListener;
import org.depeche.IndexingSummary;

/**
 * One indexing measurement, in a process of its own:
 * {@code IndexRun depeche|lucene THREADS INDEX_DIR INPUT...} indexes the inputs into a new index
 * and prints one line, {@code RESULT seconds=… cpu=… passages=… size=… heap=… rss=… live=… full=…}
 * ({@code cpu}: the CPU seconds of the whole process, all threads, start-up included; {@code live}:
 * the peak heap after a full collection, -1 if none ran; {@code full}: how many ran). With the
 * system property {@code bench.fullGcEvery=SECONDS}, a full collection is forced that often, so
 * that {@code live} samples the live data through the run (such a run is not timed).
 */
final class IndexRun {
  private IndexRun() {}

  public static void main(String[] args) throws Exception {
    String engine = args[0];
    int threads = Integer.parseInt(args[1]);
    Path dir = Path.of(args[2]);
    List<Path> inputs = Stream.of(args).skip(3).map(Path::of).toList();
    Memory memory = Memory.watch();
    String every = System.getProperty("bench.fullGcEvery");
    if (every != null) {
      Memory.sampleLiveHeap(Double.parseDouble(every));
    }
    long started = System.nanoTime();
    long passages;
    if (engine.equals("depeche")) {
      try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
        IndexingSummary summary = index.addFiles(inputs, IndexingListener.SILENT, threads);
        passages = summary.passages();
      }
    } else {
      passages = LuceneBaseline.index(inputs, dir, threads);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(Locale.ROOT, "RESULT seconds=%.3f cpu=%.3f passages=%d size=%d heap=%d rss=%d live=%d full=%d%n",
        seconds, Memory.cpuSeconds(), passages, size(dir), memory.peakLiveHeap(), Memory.peakResident(),
        memory.peakAfterFullCollection(), memory.fullCollections());
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
