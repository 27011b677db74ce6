package org.depeche;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.depeche.IncrementalIndexingTest.jsonl;
import static org.depeche.IncrementalIndexingTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.depeche.index.CorpusSync;
import org.depeche.index.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An article id held by two indexed files: the index holds the copy read last, and when that copy's
 * file drops the id (edited, or deleted) the copy of the other file, still holding it, comes back,
 * whether or not a run was killed in between. {@code f.jsonl} is read before {@code g.jsonl}.
 */
class SharedArticleIdsTest {
  @TempDir Path dir;
  private Path index;
  private Path wire;
  private Path f;
  private Path g;
  private DepecheIndex depeche;

  @BeforeEach
  void writeTwoFilesSharingAnId() throws Exception {
    index = dir.resolve("index");
    wire = Files.createDirectories(dir.resolve("wire"));
    f = write(wire.resolve("f.jsonl"), jsonl("x", "Le convoi est parti de Tombouctou."), jsonl("a", "Olivier Véran annonce."));
    g = write(wire.resolve("g.jsonl"), jsonl("x", "Le convoi est arrivé à Gao."), jsonl("b", "Delevoye sera entendu."));
    depeche = DepecheIndex.openForWriting(index);
  }

  @AfterEach
  void close() {
    depeche.close();
  }


  private IndexingSummary run(Path... paths) {
    return depeche.addFiles(List.of(paths), IndexingListener.SILENT);
  }

  private List<String> found(String query) {
    return depeche.search(query).hits().stream().map(PassageHit::articleId).sorted().toList();
  }

  /** Leaves the index as a run killed after a commit that held g's articles, not yet g's record. */
  private void forgetTheRecordOf(Path file) throws Exception {
    depeche.close();
    try (FSDirectory d = FSDirectory.open(index); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      w.deleteDocuments(new Term(Schema.FILE_RECORD, file.toAbsolutePath().normalize().toString()));
      w.commit();
    }
    depeche = DepecheIndex.openForWriting(index);
  }

  @Test
  void theCopyReadLastIsIndexed() {
    run(wire);
    assertEquals(List.of("x"), found("Gao"));
    assertEquals(List.of(), found("Tombouctou"));
    assertEquals(3, depeche.stats().articles());
  }

  @Test
  void whenTheFileOfTheIndexedCopyDropsTheIdTheOtherFilesCopyComesBack() throws Exception {
    run(wire);
    write(g, jsonl("b", "Delevoye sera entendu."));
    IndexingSummary s = run(wire);
    assertEquals(List.of("x"), found("Tombouctou"));
    assertEquals(List.of(), found("Gao"));
    assertEquals(3, depeche.stats().articles());
    assertEquals(0, s.removed(), s.toString());
    assertEquals(2, s.files(), "g, then f read again to give x back: " + s);
    run(wire);
    assertEquals(List.of("x"), found("Tombouctou"), "and it stays on the next run");
  }

  @Test
  void whenTheFileOfTheIndexedCopyIsDeletedTheOtherFilesCopyComesBack() throws Exception {
    run(wire);
    Files.delete(g);
    IndexingSummary s = run(wire);
    assertEquals(List.of("x"), found("Tombouctou"));
    assertEquals(2, depeche.stats().articles());
    assertEquals(1, s.removed(), "b only: " + s);
    assertEquals(1, s.files(), "f, read again to give x back: " + s);
  }

  @Test
  void theNoteOfTheReplacedCopyOutlivesItsReplacersFileBeingReadAgain() throws Exception {
    run(wire);
    write(g, jsonl("x", "Le convoi est arrivé à Gao, puis à Ménaka."), jsonl("b", "Delevoye sera entendu."));
    run(wire);
    assertEquals(List.of("x"), found("Ménaka"));
    write(g, jsonl("b", "Delevoye sera entendu."));
    run(wire);
    assertEquals(List.of("x"), found("Tombouctou"));
  }

  @Test
  void aRunKilledAfterTheIndexedCopyWasCommittedLosesNothingOnceThatFileDropsTheId() throws Exception {
    run(wire);
    forgetTheRecordOf(g);
    write(g, jsonl("b", "Delevoye sera entendu."));
    run(wire);
    assertEquals(List.of("x"), found("Tombouctou"));
    assertEquals(3, depeche.stats().articles());
  }

  @Test
  void aRunKilledAfterACommitThatFollowedTheDropLosesNothing() throws Exception {
    run(wire);
    write(g, jsonl("b", "Delevoye sera entendu."));
    depeche.close();
    // The run reads g whole, commits, and is killed before its end (CorpusSync.finish).
    try (FSDirectory d = FSDirectory.open(index); IndexWriter w = new IndexWriter(d, new IndexWriterConfig());
        CorpusSync sync = new CorpusSync(w, d, List.of(wire), false)) {
      sync.open(g);
      sync.read(Article.builder("b").text("Delevoye sera entendu.").build());
      sync.done(g, true);
      w.commit();
    }
    depeche = DepecheIndex.openForWriting(index);
    assertEquals(List.of("x"), found("Gao"), "the dropped copy stays until the other comes back");
    run(wire);
    assertEquals(List.of("x"), found("Tombouctou"));
    assertEquals(3, depeche.stats().articles());
  }

  @Test
  void anIdSharedWithAFileIndexedInAnEarlierRunComesBackFromIt() throws Exception {
    run(f);
    run(g);
    assertEquals(List.of("x"), found("Gao"));
    write(g, jsonl("b", "Delevoye sera entendu."));
    run(g);
    assertEquals(List.of("x"), found("Tombouctou"));
    assertEquals(3, depeche.stats().articles());
  }

  @Test
  void ofThreeFilesSharingAnIdTheOneReadLastOfThoseStillHoldingItWins() throws Exception {
    Path h = write(wire.resolve("h.jsonl"), jsonl("x", "Le convoi est reparti vers Kidal."));
    run(wire);
    assertEquals(List.of("x"), found("Kidal"));
    Files.delete(h);
    run(wire);
    assertEquals(List.of("x"), found("Gao"));
    write(g, jsonl("b", "Delevoye sera entendu."));
    run(wire);
    assertEquals(List.of("x"), found("Tombouctou"));
    assertEquals(3, depeche.stats().articles());
  }

  @Test
  void deletingOrEditingTheFileWhoseCopyWasReplacedKeepsTheIndexedCopy() throws Exception {
    run(wire);
    write(f, jsonl("a", "Olivier Véran annonce."));
    run(wire);
    assertEquals(List.of("x"), found("Gao"));
    Files.delete(f);
    IndexingSummary s = run(wire);
    assertEquals(List.of("x"), found("Gao"));
    assertEquals(1, s.removed(), "a only: " + s);
    assertEquals(2, depeche.stats().articles());
  }

  @Test
  void aTextFileSharingItsIdWithOneUnderAnotherFolderComesBack() throws Exception {
    Path one = write(dir.resolve("un/mali.txt"), "Le convoi est parti de Tombouctou.");
    Path two = write(dir.resolve("deux/mali.txt"), "Le convoi est arrivé à Gao.");
    run(one.getParent(), two.getParent());
    assertEquals(List.of("mali.txt"), found("Gao"));
    Files.delete(two);
    run(one.getParent(), two.getParent());
    assertEquals(List.of("mali.txt"), found("Tombouctou"));
  }

  @Test
  void aFileHoldingTheIdTwiceGivesBackItsLastCopy() throws Exception {
    write(f, jsonl("x", "Le convoi est parti de Tombouctou."), jsonl("x", "Le convoi est reparti de Mopti."));
    run(wire);
    write(g, jsonl("b", "Delevoye sera entendu."));
    run(wire);
    assertEquals(List.of("x"), found("Mopti"), "the last of f's two copies, as a run reading f gives");
    assertEquals(List.of(), found("Tombouctou"));
  }

  @Test
  void aBadLineInAFileReadAgainToGiveBackAnIdIsASkippedRecord() throws Exception {
    run(f, g);
    Files.writeString(f, "{pas du JSON\n", UTF_8, java.nio.file.StandardOpenOption.APPEND);
    write(g, jsonl("b", "Delevoye sera entendu."));
    IndexingSummary s = run(g);
    assertEquals(List.of("x"), found("Tombouctou"), "x's line is good");
    assertEquals(1, s.recordsSkipped(), "f's bad line, reported when f was read again: " + s);
    assertTrue(s.hasErrors(), "so depeche index exits 4: " + s);
  }

  @Test
  void onlyTheLatestFileStillHoldingADroppedIdIsReadAgain() throws Exception {
    Path h = write(wire.resolve("h.jsonl"), jsonl("x", "Le convoi est reparti vers Kidal."));
    run(wire);
    Files.delete(h);
    IndexingSummary s = run(wire);
    assertEquals(List.of("x"), found("Gao"));
    assertEquals(1, s.files(), "g alone: f, noted before it, is not read when g gives x back: " + s);
    assertEquals(1, s.passages(), "x from g only, not from f and then from g: " + s);
  }

  @Test
  void aFileThatCannotBeReadWhenItMustGiveBackAnIdGivesItBackOnceItCanBe() throws Exception {
    Path unreadable = Path.of("/proc/self/mem"); // a regular file that reads as nothing, even as root
    assumeTrue(Files.isRegularFile(unreadable), "Linux only");
    run(f, g);
    Path kept = Files.move(f, wire.resolve("f.kept"));
    Files.createSymbolicLink(f, unreadable);
    write(g, jsonl("b", "Delevoye sera entendu."));
    IndexingSummary s = run(g);
    assertEquals(1, s.filesSkipped(), s.toString());
    Files.delete(f);
    Files.move(kept, f);
    run(f, g);
    assertEquals(List.of("x"), found("Tombouctou"), "f, unchanged since it was recorded, is read again");
    assertEquals(3, depeche.stats().articles());
  }
}
