package org.depeche.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Rewrites an index segment by segment into a new directory, every segment a compound file or
 * none: {@code Relayout cfs|files SOURCE_DIR NEW_DIR} prints
 * {@code RESULT segments=… compound=… seconds=…}. For measuring what the file layout alone costs
 * search and start-up: rewrite the same index both ways and compare the two copies.
 *
 * <p>Each source segment becomes one new segment, in order ({@code addIndexes} of that segment
 * alone), so the documents keep their order and tied scores their order in the results; the last
 * commit's user data (depeche's schema version and analyzer) is copied.
 */
final class Relayout {
  private Relayout() {}

  public static void main(String[] args) throws Exception {
    boolean compound = switch (args[0]) {
      case "cfs" -> true;
      case "files" -> false;
      default -> throw new IllegalArgumentException("first argument: cfs or files, not " + args[0]);
    };
    long started = System.nanoTime();
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setNoCFSRatio(compound ? 1.0 : 0.0);
    IndexWriterConfig config = new IndexWriterConfig()
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setUseCompoundFile(compound)
        .setMergePolicy(merges);
    try (Directory source = FSDirectory.open(Path.of(args[1]));
        DirectoryReader reader = DirectoryReader.open(source);
        Directory target = FSDirectory.open(Path.of(args[2]));
        IndexWriter writer = new IndexWriter(target, config)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        writer.addIndexes((CodecReader) leaf.reader());
      }
      writer.setLiveCommitData(SegmentInfos.readLatestCommit(source).getUserData().entrySet());
      writer.commit();
      System.out.printf(Locale.ROOT, "RESULT segments=%d compound=%b seconds=%.1f%n",
          reader.leaves().size(), compound, (System.nanoTime() - started) / 1e9);
    }
  }
}
