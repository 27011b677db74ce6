package org.depeche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.depeche.TextAnalyzer;
import org.depeche.Article;
import org.depeche.DepecheIndex;
import org.depeche.cli.CliTest.Run;
import org.depeche.index.Schema;
import org.depeche.passage.Passage;
import org.depeche.passage.PassageSplitter;
import org.depeche.passage.quote.QuoteFinder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code depeche check}: one screen, exit 0 on a sound index and 3 on a broken one. The article is
 * two paragraphs of the seed article ({@code corpus/royaume-uni-retrait-mali.txt}).
 */
class CheckCommandTest {
  @TempDir Path dir;
  private Path index;

  private static final Article MALI = Article.builder("mali")
      .paragraph("Le Royaume-Uni a annoncé le retrait anticipé de ses militaires déployés au Mali.")
      .paragraph("« La responsabilité de tout cela incombe à Bamako », a-t-il ajouté.")
      .build();

  @BeforeEach
  void indexOneArticle() {
    index = dir.resolve("index");
    try (DepecheIndex d = DepecheIndex.openForWriting(index)) {
      d.add(MALI);
      d.commit();
    }
  }

  private Run check() {
    return CliTest.run("check", "--index", index.toString());
  }

  @Test
  void aSoundIndexPassesEveryCheck() {
    Run r = check();
    assertEquals(List.of(
        "index     " + index,
        "lucene    ok: 1 segment, checksums and structures sound",
        "schema    ok: version " + Schema.VERSION,
        "analyzer  ok: depeche",
        "articles  ok: 1 articles, 2 passages, each passage once",
        "healthy"), r.out().lines().toList());
    assertEquals(ExitCodes.OK, r.code(), r.err());
  }

  /** Each broken index, the line that says so, and exit 3. */
  @Test
  void aBrokenIndexFailsWithTheLineThatSaysWhy() throws Exception {
    record Case(String breakage, ThrowingAction breakIt, String line) {}
    List<Case> cases = List.of(
        new Case("a byte flipped in the largest file", this::flipAByte, "lucene    FAILED: "),
        new Case("another schema version", () -> recommit(Map.of(Schema.COMMIT_SCHEMA, "0",
            Schema.COMMIT_ANALYZER, "depeche")), "schema    FAILED: version 0; this depeche needs version " + Schema.VERSION),
        new Case("another analyzer", () -> recommit(Map.of(Schema.COMMIT_SCHEMA, Schema.VERSION,
            Schema.COMMIT_ANALYZER, "french")), "analyzer  FAILED: french; this depeche knows depeche, depeche-light, lucene-french"),
        new Case("a passage twice", this::addPassageZeroAgain, "articles  FAILED: 1 articles, 3 passages; mali#0 twice"),
        new Case("a passage missing", this::deletePassageZero, "articles  FAILED: 1 articles, 1 passages; mali#0 missing"));
    for (Case c : cases) {
      indexOneArticleAfresh();
      c.breakIt().run();
      Run r = check();
      assertEquals(ExitCodes.INDEX, r.code(), c.breakage() + "\n" + r.out() + r.err());
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(c.line())), c.breakage() + ":\n" + r.out());
      assertTrue(r.out().endsWith("NOT HEALTHY\n") || r.out().endsWith("NOT HEALTHY\r\n"), r.out());
    }
  }

  @Test
  void noIndexAndAnIndexBeingWrittenAreOneLineAndExitThree() {
    Run missing = CliTest.run("check", "--index", dir.resolve("nothing").toString());
    assertEquals(ExitCodes.INDEX, missing.code());
    assertEquals(List.of("depeche: no index at " + dir.resolve("nothing") + "; run 'depeche index' first"),
        missing.errLines());
    try (DepecheIndex writing = DepecheIndex.openForWriting(index)) {
      Run locked = check();
      assertEquals(ExitCodes.INDEX, locked.code());
      assertEquals(List.of("depeche: index " + index + " is being written by another process"), locked.errLines());
    }
  }

  private interface ThrowingAction {
    void run() throws Exception;
  }

  private void indexOneArticleAfresh() throws Exception {
    try (var files = Files.walk(index)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    indexOneArticle();
  }

  private void flipAByte() throws Exception {
    Path largest;
    try (var files = Files.list(index)) {
      largest = files.max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
    try (FileChannel ch = FileChannel.open(largest, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      long at = ch.size() / 2;
      ch.read(b, at);
      b.put(0, (byte) ~b.get(0)).rewind();
      ch.write(b, at);
    }
  }

  private IndexWriter writer() throws Exception {
    return new IndexWriter(FSDirectory.open(index), new IndexWriterConfig());
  }

  private void recommit(Map<String, String> data) throws Exception {
    try (IndexWriter w = writer()) {
      w.setLiveCommitData(data.entrySet());
      w.commit();
    }
  }

  private void addPassageZeroAgain() throws Exception {
    try (IndexWriter w = writer()) {
      List<Passage> passages = PassageSplitter.split(MALI);
      w.addDocument(Schema.documents(MALI, passages, QuoteFinder.byPassage(MALI, passages), null,
          Schema.analyzer(TextAnalyzer.DEPECHE)).getFirst());
      w.commit();
    }
  }

  private void deletePassageZero() throws Exception {
    try (IndexWriter w = writer()) {
      w.deleteDocuments(new org.apache.lucene.index.Term(Schema.PASSAGE_ID, "mali#0"));
      w.commit();
    }
  }
}
