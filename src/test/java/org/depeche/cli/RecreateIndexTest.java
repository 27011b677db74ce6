package org.depeche.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.depeche.Article;
import org.depeche.DepecheIndex;
import org.depeche.cli.CliTest.Run;
import org.depeche.index.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code depeche index --recreate}: a new index in place of one this depeche cannot use. */
class RecreateIndexTest {
  @TempDir Path dir;

  private Path input() throws Exception {
    Path input = Files.createDirectories(dir.resolve("input"));
    Files.writeString(input.resolve("ghana.txt"), "Les acteurs de la région doivent se réunir au Ghana.\n", UTF_8);
    return input;
  }

  @Test
  void anIndexOfAnotherSchemaVersionIsReplaced() throws Exception {
    Path old = dir.resolve("ancien");
    try (DepecheIndex d = DepecheIndex.openForWriting(old)) {
      d.add(Article.builder("mali").text("Les troupes quittent le Mali.").build());
      d.commit();
    }
    try (IndexWriter w = new IndexWriter(FSDirectory.open(old), new IndexWriterConfig())) {
      w.setLiveCommitData(Map.of(Schema.COMMIT_SCHEMA, "0").entrySet());
      w.commit();
    }
    Path input = input();
    assertEquals(3, CliTest.run("index", "--index", old.toString(), input.toString()).code());
    Run r = CliTest.run("index", "--recreate", "--index", old.toString(), input.toString());
    assertEquals(0, r.code(), r.err());
    Run gone = CliTest.run("search", "--index", old.toString(), "troupes");
    assertTrue(gone.out().strip().equalsIgnoreCase("no passage matches troupes"), "the old articles are gone: " + gone.out());
    assertTrue(CliTest.run("search", "--index", old.toString(), "Ghana").out().contains("Ghana"));
  }

  @Test
  void anIndexOfAnotherAnalyzerIsReplacedWithTheOneAsked() throws Exception {
    Path index = dir.resolve("index");
    Path input = input();
    assertEquals(0, CliTest.run("index", "--analyzer", "lucene-french", "--index", index.toString(), input.toString()).code());
    assertEquals(3, CliTest.run("index", "--analyzer", "depeche", "--index", index.toString(), input.toString()).code());
    Run r = CliTest.run("index", "--recreate", "--analyzer", "depeche", "--index", index.toString(), input.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(CliTest.run("stats", "--index", index.toString()).out().contains("depeche"));
  }

  @Test
  void aDirectoryHoldingSomethingElseIsNeverDeleted() throws Exception {
    Path other = Files.createDirectories(dir.resolve("autre"));
    Files.writeString(other.resolve("notes.txt"), "des notes");
    Run r = CliTest.run("index", "--recreate", "--index", other.toString(), input().toString());
    assertEquals(List.of("depeche: " + other + " is not empty and holds no depeche index; give an empty or new directory"),
        r.errLines());
    assertEquals(3, r.code());
    assertEquals("des notes", Files.readString(other.resolve("notes.txt")));
  }
}
