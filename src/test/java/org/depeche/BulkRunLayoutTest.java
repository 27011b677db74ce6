package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segments a bulk run leaves: a run commits between files, never in the middle of one, and
 * the writer's buffer grows with the heap up to a ceiling, so that indexing one large file from
 * empty leaves one segment per indexing thread. docs/performance-history.md, "Fewer segments from a
 * bulk run (seg16)".
 */
class BulkRunLayoutTest {
  private static final long MB = 1024 * 1024;

  @TempDir Path dir;

  @Test
  void oneLargeFileIndexedOnOneThreadLeavesOneSegment(@TempDir Path input) throws Exception {
    // More articles than the 20,000 after which a run used to commit, each one short paragraph:
    // far under the buffer, so only a commit would flush a segment before the run's end.
    StringBuilder jsonl = new StringBuilder();
    for (int id = 0; id < 20_500; id++) {
      jsonl.append("{\"id\":\"a").append(id).append("\",\"text\":\"Article ").append(id).append(".\"}\n");
    }
    Path file = Files.writeString(input.resolve("large.jsonl"), jsonl);

    try (DepecheIndex index = DepecheIndex.openForWriting(dir.resolve("index"))) {
      IndexingSummary summary = index.addFiles(List.of(file), IndexingListener.SILENT, 1);
      assertEquals(20_500, summary.added());
    }

    try (Directory d = FSDirectory.open(dir.resolve("index"))) {
      SegmentInfos commit = SegmentInfos.readLatestCommit(d);
      assertEquals(1, commit.size(), "segments");
      assertEquals(2, commit.getGeneration(), "commits: the new index's, then the run's last");
    }
    try (DepecheIndex index = DepecheIndex.open(dir.resolve("index"))) {
      assertEquals(20_500, index.stats().articles());
    }
  }

  @Test
  void theBufferIsAThirdOfTheHeapUpToItsCeiling() {
    assertEquals(256.0 / 3, DepecheIndex.ramBufferMB(256 * MB), 1e-9);
    assertEquals(320.0, DepecheIndex.ramBufferMB(1024 * MB), 1e-9, "-Xmx1g, as the benchmark runs");
    assertEquals(320.0, DepecheIndex.ramBufferMB(6 * 1024 * MB), 1e-9, "a quarter of 24 GB, the JVM's default");
    assertEquals(DepecheIndex.MAX_RAM_BUFFER_MB, DepecheIndex.ramBufferMB(Long.MAX_VALUE), 1e-9);
  }
}
