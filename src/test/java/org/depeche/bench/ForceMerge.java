package org.depeche.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Merges an index (depeche's or the baseline's) down to a number of segments, in place:
 * {@code ForceMerge INDEX_DIR [SEGMENTS]} (default 1) prints
 * {@code RESULT segments=… -> … seconds=… cpu=…} ({@code cpu}: the process's CPU
 * seconds, start-up included). For measuring what the segment count costs search;
 * run it on a copy.
 *
 * <p>It merges only adjacent segments ({@link LogByteSizeMergePolicy}), so the documents keep
 * their order and tied scores their order in the results; the last commit's user data (depeche's
 * schema version and analyzer) is kept, as the writer carries it into its next commit.
 */
final class ForceMerge {
  private ForceMerge() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int segments = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    try (Directory directory = FSDirectory.open(dir)) {
      int before = segmentCount(directory);
      long started = System.nanoTime();
      IndexWriterConfig config = new IndexWriterConfig()
          .setOpenMode(IndexWriterConfig.OpenMode.APPEND)
          .setMergePolicy(new LogByteSizeMergePolicy());
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        writer.forceMerge(segments);
        writer.commit();
      }
      System.out.printf(Locale.ROOT, "RESULT segments=%d -> %d seconds=%.1f cpu=%.1f%n", before,
          segmentCount(directory), (System.nanoTime() - started) / 1e9, Memory.cpuSeconds());
    }
  }

  private static int segmentCount(Directory directory) throws Exception {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.leaves().size();
    }
  }
}
