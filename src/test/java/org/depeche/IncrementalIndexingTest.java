package org.depeche;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.depeche.corpus.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DepecheIndex#addFiles} on folders indexed before does the least work and follows the
 * corpus: unchanged files are skipped, changed ones indexed again, vanished ones removed, only under
 * the folders given. The texts are sentences of the seed article and of OrangeSum articles (see
 * {@code src/test/resources/corpus/README.md}), one distinctive word each.
 */
class IncrementalIndexingTest {
  @TempDir Path dir;
  private Path index;
  private Path news;
  private Path wire;
  private DepecheIndex depeche;
  private final List<Problem> problems = new ArrayList<>();
  private final IndexingListener listener = new IndexingListener() {
    @Override
    public void problem(Problem problem) {
      problems.add(problem);
    }
  };

  @BeforeEach
  void writeTwoFolders() throws Exception {
    index = dir.resolve("index");
    news = Files.createDirectories(dir.resolve("news"));
    wire = Files.createDirectories(dir.resolve("wire"));
    write(news.resolve("mali.txt"), "Le Royaume-Uni retire ses troupes du Mali, annonce Heappey.");
    write(news.resolve("monde/ghana.txt"), "Les acteurs de la région doivent se réunir au Ghana.");
    write(wire.resolve("depeches.jsonl"), jsonl("veran", "Olivier Véran annonce 400 millions."),
        jsonl("delevoye", "Delevoye sera entendu en audition libre."));
    depeche = DepecheIndex.openForWriting(index);
  }

  @AfterEach
  void close() {
    depeche.close();
  }

  /** Writes {@code lines} to {@code file}, its folders made as needed (also for SharedArticleIdsTest). */
  static Path write(Path file, String... lines) throws Exception {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, String.join("\n", lines) + "\n", UTF_8);
  }

  /** One JSONL line: an article with this id and text. */
  static String jsonl(String id, String text) {
    return "{\"id\": \"" + id + "\", \"text\": \"" + text + "\"}";
  }

  private IndexingSummary run(Path... paths) {
    problems.clear();
    return depeche.addFiles(List.of(paths), listener);
  }

  /** added, updated, unchanged, removed; then files read and files left unread. */
  private static List<Long> counts(IndexingSummary s) {
    return List.of(s.added(), s.updated(), s.unchanged(), s.removed(), (long) s.files(), (long) s.filesUnchanged());
  }

  private List<String> found(String query) {
    return depeche.search(query).hits().stream().map(PassageHit::articleId).sorted().toList();
  }

  @Test
  void aFirstRunAddsEverything() {
    assertEquals(List.of(4L, 0L, 0L, 0L, 3L, 0L), counts(run(news, wire)));
    assertEquals(4, depeche.stats().articles());
  }

  @Test
  void aSecondRunOnUnchangedFilesReadsNothing() {
    run(news, wire);
    assertEquals(List.of(0L, 0L, 4L, 0L, 0L, 3L), counts(run(news, wire)));
    assertEquals(4, depeche.stats().articles());
    assertEquals(List.of("mali.txt"), found("Heappey"));
  }

  @Test
  void aFileTouchedButNotChangedIsUnchanged() throws Exception {
    run(news, wire);
    Files.setLastModifiedTime(news.resolve("mali.txt"), FileTime.from(Instant.now().plusSeconds(60)));
    assertEquals(List.of(0L, 0L, 4L, 0L, 0L, 3L), counts(run(news, wire)));
  }

  @Test
  void aChangedFileIsIndexedAgainAndItsOldTextIsGone() throws Exception {
    run(news, wire);
    write(news.resolve("mali.txt"), "Le contingent britannique quittera Tombouctou.");
    assertEquals(List.of(0L, 1L, 3L, 0L, 1L, 2L), counts(run(news, wire)));
    assertEquals(List.of("mali.txt"), found("Tombouctou"));
    assertEquals(List.of(), found("Heappey"));
  }

  @Test
  void anArticleDroppedFromAChangedFileIsRemoved() throws Exception {
    run(news, wire);
    write(wire.resolve("depeches.jsonl"), jsonl("veran", "Olivier Véran annonce 400 millions."));
    assertEquals(List.of(0L, 1L, 2L, 1L, 1L, 2L), counts(run(news, wire)));
    assertEquals(List.of(), found("audition"));
    assertEquals(3, depeche.stats().articles());
  }

  @Test
  void theArticlesOfADeletedFileAreRemoved() throws Exception {
    run(news, wire);
    Files.delete(news.resolve("monde/ghana.txt"));
    assertEquals(List.of(0L, 0L, 3L, 1L, 0L, 2L), counts(run(news, wire)));
    assertEquals(List.of(), found("Ghana"));
    assertEquals(3, depeche.stats().articles());
  }

  @Test
  void aNewFileIsAdded() throws Exception {
    run(news, wire);
    write(news.resolve("sahel.txt"), "La Minusma reste au Sahel.");
    assertEquals(List.of(1L, 0L, 4L, 0L, 1L, 3L), counts(run(news, wire)));
    assertEquals(List.of("sahel.txt"), found("Minusma"));
  }

  @Test
  void onlyTheFoldersGivenLoseTheirVanishedFiles() throws Exception {
    run(news, wire);
    Files.delete(wire.resolve("depeches.jsonl"));
    assertEquals(List.of(0L, 0L, 2L, 0L, 0L, 2L), counts(run(news)), "wire/ was not given: kept");
    assertEquals(List.of("veran"), found("Véran"));
    assertEquals(List.of(0L, 0L, 0L, 2L, 0L, 0L), counts(run(wire)));
    assertEquals(List.of(), found("Véran"));
  }

  @Test
  void aFileGivenTwiceInOneRunIsReadOnce() {
    IndexingSummary s = run(news, news.resolve("mali.txt"), dir);
    assertEquals(List.of(4L, 0L, 0L, 0L, 3L, 0L), counts(s));
    assertEquals(List.of("mali.txt"), found("Heappey"));
  }

  @Test
  void articlesAddedThroughTheLibraryAreLeftAlone() {
    depeche.add(Article.builder("seul").text("Un article sans fichier, sur Accra.").build());
    depeche.commit();
    run(news, wire);
    run(news, wire);
    assertEquals(List.of("seul"), found("Accra"));
  }

  @Test
  void aRebuildReadsEverythingAgainAndKeepsOnlyWhatItRead() throws Exception {
    depeche.add(Article.builder("seul").text("Un article sans fichier, sur Accra.").build());
    depeche.commit();
    run(news, wire);
    IndexingSummary s = depeche.rebuild(List.of(news), listener);
    assertEquals(List.of(0L, 2L, 0L, 3L, 2L, 0L), counts(s));
    assertEquals(List.of(), found("Accra"));
    assertEquals(List.of(), found("Véran"));
    assertEquals(List.of("mali.txt"), found("Heappey"));
    assertEquals(2, depeche.stats().articles());
  }

  @Test
  void aFileWithErrorsIsReadAgainAndReportedAgainEachRun() throws Exception {
    write(wire.resolve("cassé.jsonl"), jsonl("minusma", "La junte et la Minusma."), "{\"id\": \"x\", \"text\": ");
    run(wire);
    assertEquals(1, problems.size(), problems.toString());
    IndexingSummary again = run(wire);
    assertEquals(1, problems.size(), "the broken line is reported again: " + problems);
    assertEquals(List.of(0L, 1L, 2L, 0L, 1L, 1L), counts(again));
    assertEquals(List.of("minusma"), found("Minusma"));
  }

  @Test
  void aFolderThatCannotBeListedIsNotTakenForGone() throws Exception {
    run(news, wire);
    Path monde = news.resolve("monde");
    Files.setPosixFilePermissions(monde, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(monde), "running as root: permissions are not enforced");
      IndexingSummary s = run(news);
      assertEquals(1, s.filesUnchanged(), s.toString());
      assertEquals(0, s.removed(), s.toString());
      assertTrue(problems.stream().anyMatch(p -> p.file().endsWith("monde")), problems.toString());
      assertEquals(List.of("monde/ghana.txt"), found("Ghana"));
    } finally {
      Files.setPosixFilePermissions(monde, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
