package org.depeche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.depeche.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code depeche index} run again on the test corpus ({@code src/test/resources/corpus}: the seed
 * article and three OrangeSum articles) says what it did, and {@code --full} reads everything again.
 */
class IndexCommandTest {
  @TempDir Path dir;

  private static String summary(Run r) {
    assertEquals(ExitCodes.OK, r.code(), r.err());
    return r.err().strip().replaceAll(" in \\d+\\.\\d s", " in T s");
  }

  @Test
  void eachRunSaysWhatItAddedUpdatedLeftAndRemoved() throws Exception {
    Path corpus = Files.createDirectory(dir.resolve("corpus"));
    Path source = Path.of(getClass().getResource("/corpus/royaume-uni-retrait-mali.txt").toURI()).getParent();
    Files.copy(source.resolve("royaume-uni-retrait-mali.txt"), corpus.resolve("mali.txt"));
    Files.copy(source.resolve("orangesum-sample.jsonl"), corpus.resolve("orangesum.jsonl"));
    String index = dir.resolve("index").toString();
    String[] indexCorpus = {"index", "--index", index, corpus.toString()};

    assertEquals("indexed 4 articles (50 passages) from 2 files into " + index
        + " in T s: 4 added, 0 updated, 0 unchanged, 0 removed", summary(CliTest.run(indexCorpus)));
    assertEquals("indexed 0 articles (0 passages) from 0 files (2 unchanged) into " + index
        + " in T s: 0 added, 0 updated, 4 unchanged, 0 removed", summary(CliTest.run(indexCorpus)));
    Files.delete(corpus.resolve("mali.txt"));
    assertEquals("indexed 0 articles (0 passages) from 0 files (1 unchanged) into " + index
        + " in T s: 0 added, 0 updated, 3 unchanged, 1 removed", summary(CliTest.run(indexCorpus)));
    assertEquals("indexed 3 articles (40 passages) from 1 file into " + index
        + " in T s: 0 added, 3 updated, 0 unchanged, 0 removed",
        summary(CliTest.run("index", "--full", "--index", index, corpus.toString())));
  }
}
