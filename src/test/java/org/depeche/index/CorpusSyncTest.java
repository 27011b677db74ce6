package org.depeche.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.depeche.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusSyncTest {
  @TempDir Path dir;

  @Test
  void countsTheFilesRecordedAsIndexedWhole() throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "Titre A\n\nTexte A.");
    Path b = Files.writeString(dir.resolve("b.txt"), "Titre B\n\nTexte B.");
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.commit();
      try (CorpusSync sync = new CorpusSync(writer, directory, List.of(dir), false)) {
        assertEquals(0, sync.filesRecorded());
        sync.open(a);
        sync.read(Article.builder("a").text("Texte A.").build());
        assertEquals(0, sync.filesRecorded(), "a file being read is not recorded");
        sync.done(a, true);
        assertEquals(1, sync.filesRecorded());
        sync.open(b);
        sync.done(b, false);
        assertEquals(1, sync.filesRecorded(), "a file read with errors is not recorded");
      }
    }
  }
}
