package org.depeche.corpus;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.depeche.Article;
import org.depeche.corpus.Problem.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CorpusReaderTest {

  private static final String GOOD_LINE = "{\"id\": \"good\", \"text\": \"Un bon article.\"}";

  @TempDir Path dir;

  /** What one read produced. */
  private record Result(ReadSummary summary, List<Article> articles, List<Problem> problems) {
    List<String> ids() {
      return articles.stream().map(Article::id).toList();
    }

    Article article(String id) {
      return articles.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }
  }

  private static Result read(Path... paths) throws IOException {
    List<Article> articles = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    ReadSummary summary = new CorpusReader().read(List.of(paths), articles::add, problems::add);
    return new Result(summary, articles, problems);
  }

  private Path write(String name, String text) throws IOException {
    return write(name, text.getBytes(UTF_8));
  }

  private Path write(String name, byte[] bytes) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static Path resource(String name) {
    try {
      return Path.of(CorpusReaderTest.class.getResource("/corpus/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- .txt

  @Test
  void txtFrontMatterFillsTheMetadata() throws IOException {
    Path file =
        write(
            "mali.txt",
            """
            ---
            title: "Le Royaume-Uni retire ses troupes du Mali"
            date: 15 novembre 2022
            source: 'AFP'
            url: https://example.org/mali
            category: monde
            ---

            Premier paragraphe,
            sur deux lignes.

            Second paragraphe.
            """);

    Result r = read(file);

    Article expected =
        new Article(
            "mali.txt",
            "Le Royaume-Uni retire ses troupes du Mali",
            LocalDate.of(2022, 11, 15),
            "AFP",
            "https://example.org/mali",
            "monde",
            List.of("Premier paragraphe, sur deux lignes.", "Second paragraphe."));
    assertEquals(List.of(expected), r.articles());
    assertEquals(List.of(), r.problems());
    assertEquals(new ReadSummary(1, 0, 1, 0), r.summary());
  }

  @Test
  void txtWithoutBlankLinesHasOneParagraphPerLineAndNoTitle() throws IOException {
    Result r = read(resource("royaume-uni-retrait-mali.txt"));

    Article mali = r.article("royaume-uni-retrait-mali.txt");
    assertNull(mali.title());
    assertNull(mali.date());
    assertEquals(10, mali.paragraphs().size());
    assertEquals(
        "« Le contingent du Royaume-Uni quittera (la Mission de la paix de l’ONU) plus tôt que"
            + " prévu », a indiqué le secrétaire d’Etat aux forces armées James Heappey devant la"
            + " Chambre des Communes.",
        mali.paragraphs().get(1));
    assertEquals(List.of(), r.problems());
  }

  @Test
  void txtUnknownOrMalformedFrontMatterLinesAreWarningsNamingTheLine() throws IOException {
    Path file =
        write(
            "a.txt",
            "---\ntitle: Titre\nauthor: Jean Dupont\nsans deux-points\ntitle: Autre titre\n---\nTexte.\n");

    Result r = read(file);

    assertEquals(
        List.of(
            new Problem(file, 3, Severity.WARNING, "unknown front matter key 'author'; ignored"),
            new Problem(file, 4, Severity.WARNING, "not a 'key: value' line in front matter; ignored"),
            new Problem(file, 5, Severity.WARNING, "key 'title' repeated; the last one is used")),
        r.problems());
    assertEquals("Autre titre", r.article("a.txt").title());
  }

  @Test
  void unknownDateIsAWarningAndTheArticleIsStillRead() throws IOException {
    Path txt = write("a.txt", "---\ndate: bientôt\n---\nTexte.\n");
    Path jsonl = write("b.jsonl", "{\"id\": \"b\", \"date\": \"32/13/2022\", \"text\": \"Texte.\"}\n");

    Result r = read(txt, jsonl);

    assertEquals(
        List.of(
            new Problem(txt, 2, Severity.WARNING, "unknown date 'bientôt'"),
            new Problem(jsonl, 1, Severity.WARNING, "unknown date '32/13/2022'")),
        r.problems());
    assertEquals(List.of("a.txt", "b"), r.ids());
    assertNull(r.article("a.txt").date());
    assertNull(r.article("b").date());
  }

  // ---- directories

  @Test
  void directoryIdsAreRelativePathsReadInSortedOrder() throws IOException {
    write("corpus/monde/mali.txt", "Mali.");
    write("corpus/a.txt", "A.");
    write("corpus/monde/afrique/niger.TXT", "Niger.");
    write("corpus/z.jsonl", "{\"id\": \"z-1\", \"text\": \"Z.\"}\n");

    Result r = read(dir.resolve("corpus"));

    assertEquals(List.of("a.txt", "monde/afrique/niger.TXT", "monde/mali.txt", "z-1"), r.ids());
    assertEquals(new ReadSummary(4, 0, 4, 0), r.summary());
  }

  @Test
  void directoryIgnoresOtherAndHiddenFilesSilently() throws IOException {
    write("corpus/README.md", "# corpus");
    write("corpus/.gitignore", "*.tmp");
    write("corpus/.brouillon.txt", "Caché.");
    write("corpus/.git/notes.txt", "Caché.");
    write("corpus/data.json", "{}");
    write("corpus/a.txt", "A.");

    Result r = read(dir.resolve("corpus"));

    assertEquals(List.of("a.txt"), r.ids());
    assertEquals(List.of(), r.problems());
    assertEquals(new ReadSummary(1, 0, 1, 0), r.summary());
  }

  @Test
  void symbolicLinkLoopIsAWarningAndDoesNotHang() throws IOException {
    write("corpus/sub/a.txt", "A.");
    Path loop = dir.resolve("corpus/sub/loop");
    try {
      Files.createSymbolicLink(loop, dir.resolve("corpus"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "symbolic links not supported here");
    }

    Result r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> read(dir.resolve("corpus")));

    assertEquals(List.of("sub/a.txt"), r.ids());
    assertEquals(
        List.of(new Problem(loop, 0, Severity.WARNING, "symbolic link loop; not followed")),
        r.problems());
  }

  // ---- .jsonl and .jsonl.gz

  @Test
  void jsonlReadsEveryFieldAndIgnoresUnknownOnes() throws IOException {
    Path file =
        write(
            "a.jsonl",
            """
            {"id": "x", "title": "Titre", "date": "2022-11-15T10:00:00Z", "source": "AFP", \
            "url": "https://example.org/x", "category": "monde", "auteur": "?", \
            "text": "Premier.\\n\\nSecond,\\nsuite."}

            {"id": 42, "title": "", "text": "Seul."}
            """);

    Result r = read(file);

    assertEquals(
        List.of(
            new Article(
                "x",
                "Titre",
                LocalDate.of(2022, 11, 15),
                "AFP",
                "https://example.org/x",
                "monde",
                List.of("Premier.", "Second, suite.")),
            new Article("42", null, null, null, null, null, List.of("Seul."))),
        r.articles());
    assertEquals(List.of(), r.problems());
    assertEquals(new ReadSummary(1, 0, 2, 0), r.summary());
  }

  @Test
  void jsonlRealSampleIsReadWhole() throws IOException {
    Result r = read(resource("orangesum-sample.jsonl"));

    assertEquals(List.of("orangesum-2", "orangesum-4", "orangesum-5"), r.ids());
    Article first = r.article("orangesum-2");
    assertEquals(LocalDate.of(2020, 7, 2), first.date());
    assertEquals("Orange avec Media Services", first.source());
    assertEquals("france", first.category());
    assertEquals(List.of(10, 10, 20), r.articles().stream().map(a -> a.paragraphs().size()).toList());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void jsonlGzIsReadLikeJsonl() throws IOException {
    byte[] jsonl = Files.readAllBytes(resource("orangesum-sample.jsonl"));
    Path file = write("sample.jsonl.gz", gzip(jsonl));

    assertEquals(read(resource("orangesum-sample.jsonl")).articles(), read(file).articles());
  }

  @Test
  void duplicateIdsAreBothHandedToTheSinkInOrder() throws IOException {
    Path file =
        write(
            "a.jsonl",
            "{\"id\": \"x\", \"text\": \"Ancien.\"}\n{\"id\": \"x\", \"text\": \"Nouveau.\"}\n");

    Result r = read(file);

    assertEquals(List.of("x", "x"), r.ids());
    assertEquals(List.of("Nouveau."), r.articles().get(1).paragraphs());
  }

  static Stream<Arguments> badJsonlLines() {
    return Stream.of(
        Arguments.of("pas du JSON", "not valid JSON: Unrecognized token 'pas': was expecting"
            + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"),
        Arguments.of("{\"id\": \"a\", \"text\": \"T.\"} en trop", "not valid JSON: Unrecognized token"
            + " 'en': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or"
            + " 'false')"),
        Arguments.of("[1, 2]", "not a JSON object"),
        Arguments.of("\"texte\"", "not a JSON object"),
        Arguments.of("{\"text\": \"Sans id.\"}", "missing 'id'"),
        Arguments.of("{\"id\": \" \", \"text\": \"Id blanc.\"}", "missing 'id'"),
        Arguments.of("{\"id\": \"a\"}", "missing 'text'"),
        Arguments.of("{\"id\": \"a\", \"text\": null}", "missing 'text'"),
        Arguments.of("{\"id\": \"a\", \"text\": \"  \\n\\n \"}", "no text"),
        Arguments.of("{\"id\": \"a\", \"text\": 12}", "'text' is a number, expected a string"),
        Arguments.of("{\"id\": 1.5, \"text\": \"T.\"}", "'id' is a number, expected a string or an integer"),
        Arguments.of("{\"id\": [\"a\"], \"text\": \"T.\"}", "'id' is an array, expected a string or an integer"),
        Arguments.of("{\"id\": \"a\", \"title\": true, \"text\": \"T.\"}", "'title' is a boolean, expected a string"),
        Arguments.of("{\"id\": \"a\", \"date\": {}, \"text\": \"T.\"}", "'date' is an object, expected a string"));
  }

  @ParameterizedTest
  @MethodSource("badJsonlLines")
  void badJsonlLineIsAnErrorWithItsLineAndTheOtherLinesAreRead(String line, String message)
      throws IOException {
    Path file = write("a.jsonl", GOOD_LINE + "\n\n" + line + "\n" + GOOD_LINE.replace("good", "after") + "\n");

    Result r = read(file);

    assertEquals(List.of(new Problem(file, 3, Severity.ERROR, message)), r.problems());
    assertEquals(List.of("good", "after"), r.ids());
    assertEquals(new ReadSummary(1, 0, 2, 1), r.summary());
  }

  @Test
  void truncatedGzipKeepsTheArticlesBeforeTheBreak() throws IOException {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 1; i <= 2000; i++) {
      jsonl.append("{\"id\": \"a").append(i).append("\", \"text\": \"Article numéro ").append(i)
          .append(", avec assez de texte pour remplir le tampon du décompresseur.\"}\n");
    }
    byte[] whole = gzip(jsonl.toString().getBytes(UTF_8));
    Path file = write("cut.jsonl.gz", Arrays.copyOf(whole, whole.length / 2));

    Result r = read(file, write("b.txt", "B."));

    assertEquals(1, r.problems().size());
    int reached = r.problems().get(0).line();
    assertTrue(reached > 100 && reached < 2000, "line reached: " + reached);
    assertEquals(
        new Problem(
            file, reached, Severity.ERROR, "truncated or corrupt gzip data; the lines before were read"),
        r.problems().get(0));
    List<String> expected = new ArrayList<>();
    for (int i = 1; i < reached; i++) {
      expected.add("a" + i);
    }
    expected.add("b.txt");
    assertEquals(expected, r.ids());
    assertEquals(new ReadSummary(2, 0, reached, 0), r.summary());
  }

  // ---- whole-file errors

  static Stream<Arguments> badFiles() {
    // One byte in four a control character, and no NUL: binary by the share of controls.
    byte[] binary = new byte[600];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) (i % 4 == 0 ? 1 + i % 8 : 'a');
    }
    return Stream.of(
        Arguments.of("notes.md", "# notes".getBytes(UTF_8),
            "unsupported file type (expected .txt, .jsonl or .jsonl.gz)"),
        Arguments.of("empty.txt", new byte[0], "empty file"),
        Arguments.of("blank.txt", " \r\n\t\n".getBytes(UTF_8), "empty file"),
        Arguments.of("empty.jsonl", new byte[0], "empty file"),
        Arguments.of("blank.jsonl", "\n  \n\r\n".getBytes(UTF_8), "empty file"),
        Arguments.of("empty.jsonl.gz", new byte[0], "empty file"),
        Arguments.of("blank.jsonl.gz", gzip("\n\n".getBytes(UTF_8)), "empty file"),
        Arguments.of("nul.txt", "Texte\0avec un NUL.".getBytes(UTF_8), "binary file"),
        Arguments.of("controls.txt", binary, "binary file"),
        Arguments.of("controls.jsonl", binary, "binary file"),
        Arguments.of("controls.jsonl.gz", gzip(binary), "binary file"),
        Arguments.of("plain.jsonl.gz", GOOD_LINE.getBytes(UTF_8), "not a gzip file"),
        Arguments.of("front-only.txt", "---\ntitle: Titre\n---\n\n".getBytes(UTF_8), "no text"),
        Arguments.of("open.txt", "---\ntitle: Titre\nTexte.\n".getBytes(UTF_8),
            "front matter opened on line 1 is not closed by a '---' line"));
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void badFileIsSkippedWithAnErrorAndTheOtherFilesAreRead(String name, byte[] bytes, String message)
      throws IOException {
    Path bad = write(name, bytes);
    Path good = write("good.jsonl", GOOD_LINE + "\n");

    Result r = read(bad, good);

    assertEquals(List.of(new Problem(bad, 0, Severity.ERROR, message)), r.problems());
    assertEquals(List.of("good"), r.ids());
    assertEquals(new ReadSummary(1, 1, 1, 0), r.summary());
  }

  @Test
  void missingPathIsAnErrorAndTheOtherPathsAreRead() throws IOException {
    Path missing = dir.resolve("absent");

    Result r = read(missing, write("good.txt", "Bon."));

    assertEquals(
        List.of(new Problem(missing, 0, Severity.ERROR, "no such file or directory")), r.problems());
    assertEquals(List.of("good.txt"), r.ids());
    assertEquals(new ReadSummary(1, 1, 1, 0), r.summary());
  }

  @Test
  void unreadableFileIsAnError() throws IOException {
    Path file = write("secret.txt", "Secret.");
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    } catch (UnsupportedOperationException e) {
      assumeTrue(false, "no POSIX permissions here");
    }
    assumeFalse(Files.isReadable(file), "permissions are not enforced for this user (root?)");

    Result r = read(file, write("good.txt", "Bon."));

    assertEquals(
        List.of(new Problem(file, 0, Severity.ERROR, "cannot read: permission denied")), r.problems());
    assertEquals(List.of("good.txt"), r.ids());
  }

  // ---- encodings

  private static final String FRENCH = "L’été à Noël : « déjà » 5 €.";

  static Stream<Arguments> encodings() {
    byte[] none = {};
    byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] leBom = {(byte) 0xFF, (byte) 0xFE};
    byte[] beBom = {(byte) 0xFE, (byte) 0xFF};
    return Stream.of(
        Arguments.of("UTF-8", none, UTF_8, false),
        Arguments.of("UTF-8 with BOM", utf8Bom, UTF_8, false),
        Arguments.of("UTF-16LE with BOM", leBom, StandardCharsets.UTF_16LE, false),
        Arguments.of("UTF-16BE with BOM", beBom, StandardCharsets.UTF_16BE, false),
        Arguments.of("Windows-1252", none, Decoding.WINDOWS_1252, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void txtEncodingIsDetected(String name, byte[] bom, Charset charset, boolean warned)
      throws IOException {
    Path file = write("a.txt", concat(bom, (FRENCH + "\r\n").getBytes(charset)));

    Result r = read(file);

    assertEquals(List.of(FRENCH), r.article("a.txt").paragraphs());
    assertEquals(
        warned ? List.of(new Problem(file, 0, Severity.WARNING, Decoding.NOT_UTF8)) : List.of(),
        r.problems());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void jsonlEncodingIsDetectedAndFallbackIsWarnedOncePerFile(
      String name, byte[] bom, Charset charset, boolean warned) throws IOException {
    String jsonl =
        GOOD_LINE
            + "\r\n{\"id\": \"a\", \"text\": \"" + FRENCH + "\"}\r\n"
            + "{\"id\": \"b\", \"text\": \"" + FRENCH + "\"}\r\n";
    Path file = write("a.jsonl", concat(bom, jsonl.getBytes(charset)));

    Result r = read(file);

    assertEquals(List.of("good", "a", "b"), r.ids());
    assertEquals(List.of(FRENCH), r.article("b").paragraphs());
    assertEquals(
        warned ? List.of(new Problem(file, 2, Severity.WARNING, Decoding.NOT_UTF8)) : List.of(),
        r.problems());
  }

  @Test
  void txtWithCrlfLineEndsReadsLikeLf() throws IOException {
    String lf = "---\ntitle: Titre\n---\nUn,\ndeux.\n\nTrois.\n";
    Path crlf = write("crlf.txt", lf.replace("\n", "\r\n"));

    Article article = read(crlf).article("crlf.txt");

    assertEquals("Titre", article.title());
    assertEquals(List.of("Un, deux.", "Trois."), article.paragraphs());
  }

  // ---- the sink

  @Test
  void sinkFailureStopsTheReadAndIsThrown() throws IOException {
    write("corpus/a.txt", "A.");
    write("corpus/b.jsonl", GOOD_LINE + "\n");
    IOException failure = new IOException("disk full");
    List<String> seen = new ArrayList<>();

    IOException thrown =
        assertThrows(
            IOException.class,
            () ->
                new CorpusReader()
                    .read(
                        List.of(dir.resolve("corpus")),
                        article -> {
                          seen.add(article.id());
                          throw failure;
                        },
                        problem -> {}));

    assertSame(failure, thrown);
    assertEquals(List.of("a.txt"), seen);
  }

  // ---- real data

  @Test
  void piafPassagesAreReadWhole() throws IOException {
    Path piaf = Path.of("/work/shared/data/piaf/passages.jsonl.gz");
    assumeTrue(Files.isReadable(piaf), "PIAF data not present at " + piaf);

    Result r = read(piaf);

    assertEquals(List.of(), r.problems());
    assertEquals(new ReadSummary(1, 0, 1518, 0), r.summary());
    assertEquals("piaf-0-0", r.articles().get(0).id());
    assertEquals("Sport", r.articles().get(0).title());
  }
}
