package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index's file layout: depeche writes each segment's files as they are, not packed into one
 * compound file ({@code .cfs}), and still reads and extends an index written with compound files
 * (every index before this change). docs/performance-history.md, "Compound files (cfs15)".
 */
class CompoundFilesTest {

  @TempDir Path dir;

  private static Article article(String id, String... paragraphs) {
    Article.Builder b = Article.builder(id).title("Article " + id);
    for (String p : paragraphs) {
      b.paragraph(p);
    }
    return b.build();
  }

  private static List<SegmentCommitInfo> segments(Path index) throws Exception {
    try (Directory d = FSDirectory.open(index)) {
      return SegmentInfos.readLatestCommit(d).asList();
    }
  }

  private static List<String> files(Path index) throws Exception {
    try (Stream<Path> files = Files.list(index)) {
      return files.map(f -> f.getFileName().toString()).toList();
    }
  }

  @Test
  void flushedSegmentsAreNotCompoundFiles() throws Exception {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      index.add(article("a", "Le Royaume-Uni retire ses troupes du Mali."));
      index.commit();
      index.add(article("b", "Les armées de la région se réunissent à Accra."));
      index.commit();
    }

    List<SegmentCommitInfo> segments = segments(dir);
    assertEquals(2, segments.size());
    segments.forEach(s -> assertFalse(s.info.getUseCompoundFile(), s.info.name));
    assertTrue(files(dir).stream().noneMatch(f -> f.endsWith(".cfs")), files(dir).toString());
  }

  @Test
  void aSegmentMergedFromSmallOnesBesideALargeOneIsNotACompoundFile() throws Exception {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      // One large segment, then small ones: Lucene's default would pack a merge of the small ones,
      // under a tenth of the index, into a compound file.
      for (int i = 0; i < 400; i++) {
        index.add(article("large" + i, "Le contingent du Royaume-Uni quittera la mission de l'ONU "
            + "plus tôt que prévu, a indiqué le secrétaire d'Etat " + i + " devant la Chambre.",
            "La responsabilité de tout cela incombe à Bamako, a-t-il ajouté " + i + "."));
      }
      index.commit();
      int small = 12;
      for (int i = 0; i < small; i++) {
        index.add(article("small" + i, "Sommet " + i + " à Accra."));
        index.commit();
      }
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (segments(dir).size() == 1 + small && System.nanoTime() < deadline) {
        Thread.sleep(50);
        index.commit();   // records a merge that ended since the last commit
      }
    }

    List<SegmentCommitInfo> segments = segments(dir);
    assertTrue(segments.size() < 13, "the small segments were merged: " + segments.size());
    segments.forEach(s -> assertFalse(s.info.getUseCompoundFile(), s.info.name));
    assertTrue(files(dir).stream().noneMatch(f -> f.endsWith(".cfs")), files(dir).toString());
  }

  @Test
  void anIndexWrittenWithCompoundFilesOpensSearchesAndTakesNewArticles(@TempDir Path old)
      throws Exception {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      index.add(article("mali", "Le Royaume-Uni retire ses troupes du Mali, a indiqué Heappey."));
      index.commit();
    }
    writeWithCompoundFiles(dir, old);
    assertTrue(files(old).stream().anyMatch(f -> f.endsWith(".cfs")), files(old).toString());

    try (DepecheIndex index = DepecheIndex.openForWriting(old)) {
      assertEquals(List.of("mali#0"), ids(index.search("Heappey")));
      index.add(article("ghana", "Les armées de la région se réunissent à Accra."));
      index.commit();
      assertEquals(List.of("ghana#0"), ids(index.search("Accra")));
      assertEquals(List.of("mali#0"), ids(index.search("Heappey")));
    }
    try (DepecheIndex index = DepecheIndex.open(old)) {
      assertEquals(2, index.stats().articles());
    }
    assertTrue(DepecheIndex.check(old).healthy());
    assertTrue(segments(old).stream().anyMatch(s -> s.info.getUseCompoundFile()), "old segment kept");
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(PassageHit::passageId).toList();
  }

  /**
   * Copies the index at {@code from}, segment by segment with its commit's user data, every segment
   * a compound file as depeche's writer left them before.
   */
  private static void writeWithCompoundFiles(Path from, Path to) throws Exception {
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setNoCFSRatio(1.0);
    IndexWriterConfig config = new IndexWriterConfig().setUseCompoundFile(true).setMergePolicy(merges);
    try (Directory source = FSDirectory.open(from);
        DirectoryReader reader = DirectoryReader.open(source);
        Directory target = FSDirectory.open(to);
        IndexWriter writer = new IndexWriter(target, config)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        writer.addIndexes((CodecReader) leaf.reader());
      }
      writer.setLiveCommitData(SegmentInfos.readLatestCommit(source).getUserData().entrySet());
      writer.commit();
    }
  }
}
