package org.depeche.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
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

  @Test
  void aFileReadWholeIsRecordedByRecordFilesNotWhenItEnds() throws Exception {
    // The reading thread ends a file while the indexing threads may hold every writer buffer: a
    // record added then would open a buffer, and a segment, of its own.
    Path a = Files.writeString(dir.resolve("a.txt"), "Titre A\n\nTexte A.");
    String key = a.toAbsolutePath().normalize().toString();
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.commit();
      try (CorpusSync sync = new CorpusSync(writer, directory, List.of(dir), false)) {
        sync.open(a);
        sync.read(Article.builder("a").text("Texte A.").build());
        sync.done(a, true);
        assertEquals(0, writer.getPendingNumDocs(), "nothing added when the file ends");
        sync.recordFiles();
        assertEquals(1, writer.getPendingNumDocs());
        sync.recordFiles();
        assertEquals(1, writer.getPendingNumDocs(), "each record written once");
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertEquals(1, new IndexSearcher(reader).count(new TermQuery(new Term(Schema.FILE_RECORD, key))));
      }
    }
  }

  @Test
  void finishWritesTheRecordsStillWaiting() throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "Titre A\n\nTexte A.");
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.commit();
      try (CorpusSync sync = new CorpusSync(writer, directory, List.of(dir), false)) {
        sync.open(a);
        sync.done(a, true);
        sync.finish((article, file, heldAlsoBy) -> {}, problem -> {});
        assertEquals(1, writer.getPendingNumDocs());
      }
    }
  }
}
