package org.depeche.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.depeche.Article;
import org.depeche.DepecheIndex;
import org.depeche.cli.CliTest.Run;
import org.depeche.index.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input, end to end through {@code depeche index}: for each, the line on stderr,
 * the exit code, and the check that the good article of the same run is indexed (and what could be
 * read of the bad file is searchable). Then the index directories that cannot be used, for
 * {@code index}, {@code search}, {@code stats} and {@code check}. The texts are sentences of the
 * seed article ({@code corpus/royaume-uni-retrait-mali.txt}) and of OrangeSum articles, trimmed;
 * the files are written by the test so that their bytes are exactly the ones named.
 */
class BadInputSweepTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GOOD = "good.txt";
  private static final byte[] PNG = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1, 0};

  @TempDir Path dir;

  /**
   * One bad input.
   *
   * @param files the files written beside {@code good.txt}, by name
   * @param problems the problem lines expected, {@code $} standing for the input folder
   * @param exit the exit code expected
   * @param query a query for what could be read of the bad input, or null
   * @param found the passage ids that query finds
   */
  record Case(String name, Map<String, byte[]> files, List<String> problems, int exit, String query,
      List<String> found) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Map<String, byte[]> file(String name, byte[] bytes) {
    return Map.of(name, bytes);
  }

  private static byte[] bom(byte[] bom, String text, Charset charset) {
    byte[] body = text.getBytes(charset);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    return all;
  }

  private static byte[] lines(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(UTF_8);
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("empty file", file("vide.txt", new byte[0]),
            List.of("$/vide.txt: error: empty file"), 4, null, null),
        new Case("binary file", file("image.txt", PNG),
            List.of("$/image.txt: error: binary file"), 4, null, null),
        new Case("Latin-1 file", file("latin1.txt", "La sécurité à Tombouctou.".getBytes(ISO_8859_1)),
            List.of("$/latin1.txt: warning: not valid UTF-8; read as Windows-1252"), 0, "sécurité Tombouctou",
            List.of("latin1.txt#0")),
        new Case("Windows-1252 file", file("cp1252.txt",
                "L’armée malienne – 300 soldats, 5 € chacun.".getBytes(Charset.forName("windows-1252"))),
            List.of("$/cp1252.txt: warning: not valid UTF-8; read as Windows-1252"), 0, "\"armée malienne\"",
            List.of("cp1252.txt#0")),
        new Case("UTF-8 with a BOM", file("bom8.txt",
                bom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "Bamako répond.", UTF_8)),
            List.of(), 0, "Bamako", List.of("bom8.txt#0")),
        new Case("UTF-16 LE with a BOM", file("bom16le.txt",
                bom(new byte[] {(byte) 0xFF, (byte) 0xFE}, "Niamey répond à Bamako.", UTF_16LE)),
            List.of(), 0, "Niamey", List.of("bom16le.txt#0")),
        new Case("UTF-16 BE with a BOM", file("bom16be.txt",
                bom(new byte[] {(byte) 0xFE, (byte) 0xFF}, "Ouagadougou répond à Bamako.", UTF_16BE)),
            List.of(), 0, "Ouagadougou", List.of("bom16be.txt#0")),
        new Case("CRLF line ends", file("crlf.txt",
                "Premier paragraphe sur Kidal.\r\n\r\nSecond paragraphe sur Gao.\r\n".getBytes(UTF_8)),
            List.of(), 0, "Gao", List.of("crlf.txt#1")),
        new Case("JSONL: a broken line", file("a.jsonl", lines(
                "{\"id\": \"menaka\", \"text\": \"Ménaka tient.\"}", "{\"id\": \"x\", \"text\": \"jamais fermé")),
            List.of("$/a.jsonl:2: error: not valid JSON: *"), 4, "Ménaka", List.of("menaka#0")),
        new Case("JSONL: a line that is not an object", file("a.jsonl", lines("[1, 2]",
                "{\"id\": \"menaka\", \"text\": \"Ménaka tient.\"}")),
            List.of("$/a.jsonl:1: error: not a JSON object"), 4, "Ménaka", List.of("menaka#0")),
        new Case("JSONL: a field of the wrong type", file("a.jsonl", lines(
                "{\"id\": \"x\", \"text\": 12}", "{\"id\": \"menaka\", \"title\": true, \"text\": \"Ménaka.\"}",
                "{\"id\": \"menaka2\", \"text\": \"Ménaka tient.\"}")),
            List.of("$/a.jsonl:1: error: 'text' is a number, expected a string",
                "$/a.jsonl:2: error: 'title' is a boolean, expected a string"), 4, "Ménaka", List.of("menaka2#0")),
        new Case("JSONL: no id", file("a.jsonl", lines("{\"text\": \"Sans id, à Gao.\"}")),
            List.of("$/a.jsonl:1: error: missing 'id'"), 4, "Gao", List.of()),
        new Case("JSONL: no text", file("a.jsonl", lines("{\"id\": \"gao\", \"title\": \"Gao\"}")),
            List.of("$/a.jsonl:1: error: missing 'text'"), 4, "Gao", List.of()),
        new Case("JSONL: duplicate ids, the last wins", file("a.jsonl", lines(
                "{\"id\": \"gao\", \"text\": \"Premier texte sur Tessalit.\"}",
                "{\"id\": \"gao\", \"text\": \"Second texte sur Gao.\"}")),
            List.of(), 0, "texte", List.of("gao#0")),
        new Case("unknown date", file("a.jsonl", lines(
                "{\"id\": \"gao\", \"date\": \"hier soir\", \"text\": \"Attaque à Gao.\"}")),
            List.of("$/a.jsonl:1: warning: unknown date 'hier soir'"), 0, "Gao", List.of("gao#0")),
        new Case("date in another format", file("d.txt", lines("---", "date: 2022/11/15", "---", "Attaque à Gao.")),
            List.of("$/d.txt:2: warning: unknown date '2022/11/15'"), 0, "Gao", List.of("d.txt#0")),
        new Case("a path that does not exist", Map.of(),
            List.of("$/absent.txt: error: no such file or directory"), 4, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachBadInputIsNamedAndTheGoodArticleIsIndexed(Case c) throws Exception {
    Path input = Files.createDirectory(dir.resolve("input"));
    Files.writeString(input.resolve(GOOD), "Les acteurs de la région doivent se réunir au Ghana.\n", UTF_8);
    for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
      Files.write(input.resolve(f.getKey()), f.getValue());
    }
    List<String> args = new ArrayList<>(List.of("index", "--index", dir.resolve("index").toString(), input.toString()));
    if (c.name().equals("a path that does not exist")) {
      args.add(input.resolve("absent.txt").toString());
    }
    Run r = CliTest.run(args.toArray(String[]::new));

    List<String> lines = r.errLines();
    List<String> problems = lines.subList(0, lines.size() - 1);
    assertEquals(c.problems().size(), problems.size(), r.err());
    for (int i = 0; i < problems.size(); i++) {
      String expected = "depeche: " + c.problems().get(i).replace("$", input.toString());
      String actual = problems.get(i);
      assertTrue(expected.endsWith("*") ? actual.startsWith(expected.substring(0, expected.length() - 1))
          : actual.equals(expected), "expected " + expected + "\nbut got " + actual);
    }
    assertTrue(lines.getLast().startsWith("indexed "), r.err());
    assertEquals(c.exit(), r.code(), r.err());
    assertEquals(List.of(GOOD + "#0"), found("Ghana"), "the good article of the same run");
    if (c.query() != null) {
      assertEquals(c.found(), found(c.query()), c.query());
    }
  }

  @Test
  void theLastOfTwoArticlesWithOneIdWins() throws Exception {
    Path input = Files.createDirectory(dir.resolve("input"));
    Files.write(input.resolve("a.jsonl"), lines(
        "{\"id\": \"gao\", \"text\": \"Premier texte sur Tessalit.\"}",
        "{\"id\": \"gao\", \"text\": \"Second texte sur Gao.\"}"));
    assertEquals(0, CliTest.run("index", "--index", dir.resolve("index").toString(), input.toString()).code());
    assertEquals(List.of(), found("Tessalit"));
    assertEquals(List.of("gao#0"), found("Gao"));
  }

  @Test
  void aSymbolicLinkLoopIsAWarningAndEverythingElseIsIndexed() throws Exception {
    Path input = Files.createDirectory(dir.resolve("input"));
    Files.writeString(input.resolve(GOOD), "Les acteurs de la région doivent se réunir au Ghana.\n", UTF_8);
    Files.createSymbolicLink(input.resolve("boucle"), input);
    Run r = CliTest.run("index", "--index", dir.resolve("index").toString(), input.toString());
    assertEquals("depeche: " + input.resolve("boucle") + ": warning: symbolic link loop; not followed",
        r.errLines().getFirst());
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(GOOD + "#0"), found("Ghana"));
  }

  @Test
  void anUnreadableFileIsAnErrorAndEverythingElseIsIndexed() throws Exception {
    Path input = Files.createDirectory(dir.resolve("input"));
    Files.writeString(input.resolve(GOOD), "Les acteurs de la région doivent se réunir au Ghana.\n", UTF_8);
    Path secret = Files.writeString(input.resolve("secret.txt"), "Texte sur Gao.\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(secret), "running as root: permissions are not enforced");
    Run r = CliTest.run("index", "--index", dir.resolve("index").toString(), input.toString());
    assertEquals("depeche: " + secret + ": error: cannot read: permission denied", r.errLines().getFirst());
    assertEquals(4, r.code(), r.err());
    assertEquals(List.of(GOOD + "#0"), found("Ghana"));
  }

  /**
   * A 50 MB file (one JSONL article per 2 KB, 25,600 articles) and a 1 MB paragraph without
   * punctuation are indexed whole, and the words of their ends are found.
   */
  @Test
  void aFiftyMegabyteFileAndAOneMegabyteParagraphAreIndexed() throws Exception {
    Path input = Files.createDirectory(dir.resolve("input"));
    String paragraph = "le gouvernement britannique annonce le retrait de ses soldats du Mali ".repeat(29);
    int articles = 0;
    try (BufferedWriter w = Files.newBufferedWriter(input.resolve("grand.jsonl"), UTF_8)) {
      while (Files.size(input.resolve("grand.jsonl")) < 50L << 20) {
        for (int i = 0; i < 1000; i++, articles++) {
          w.write(JSON.writeValueAsString(Map.of("id", "a" + articles, "text", paragraph + "numéro " + articles)));
          w.newLine();
        }
        w.flush();
      }
    }
    StringBuilder long1 = new StringBuilder(1 << 20);
    while (long1.length() < 1 << 20) {
      long1.append("les soldats quittent le nord du pays sans escorte ");
    }
    Files.writeString(input.resolve("long.txt"), long1 + "Tessalit\n", UTF_8);

    Run r = CliTest.run("index", "--index", dir.resolve("index").toString(), input.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.errLines().getLast().startsWith(String.format(java.util.Locale.ROOT, "indexed %,d articles", articles + 1)), r.err());
    assertEquals(List.of("a" + (articles - 1) + "#0"), found("numéro " + (articles - 1)).subList(0, 1));
    List<String> tessalit = found("Tessalit");
    assertEquals(1, tessalit.size(), tessalit.toString());
    assertTrue(tessalit.getFirst().startsWith("long.txt#"), tessalit.toString());
  }

  /** Each unusable index directory, for each command that opens it: one line, exit 3. */
  @Test
  void anUnusableIndexDirectoryIsOneLineAndExitThree() throws Exception {
    Path input = Files.createDirectory(dir.resolve("input"));
    Files.writeString(input.resolve(GOOD), "Les acteurs de la région doivent se réunir au Ghana.\n", UTF_8);
    Path file = Files.writeString(dir.resolve("un-fichier"), "pas un index");
    Path other = Files.createDirectory(dir.resolve("autre"));
    Files.writeString(other.resolve("notes.txt"), "des notes");
    Path old = dir.resolve("ancien");
    try (DepecheIndex d = DepecheIndex.openForWriting(old)) {
      d.add(Article.builder("a").text("Texte.").build());
      d.commit();
    }
    try (var w = new org.apache.lucene.index.IndexWriter(org.apache.lucene.store.FSDirectory.open(old),
        new org.apache.lucene.index.IndexWriterConfig())) {
      w.setLiveCommitData(Map.of(Schema.COMMIT_SCHEMA, "0").entrySet());
      w.commit();
    }
    // Schema 9 held a title field, which `title:` queries read, and a source field with norms.
    Path nine = dir.resolve("schema9");
    try (DepecheIndex d = DepecheIndex.openForWriting(nine)) {
      d.add(Article.builder("a").text("Texte.").build());
      d.commit();
    }
    try (var w = new org.apache.lucene.index.IndexWriter(org.apache.lucene.store.FSDirectory.open(nine),
        new org.apache.lucene.index.IndexWriterConfig())) {
      w.setLiveCommitData(Map.of(Schema.COMMIT_SCHEMA, "9").entrySet());
      w.commit();
    }
    Map<Path, String> messages = new LinkedHashMap<>();
    messages.put(file, "depeche: " + file + " is a file, not an index directory");
    messages.put(old, "depeche: index " + old + " has schema version 0; this depeche needs version "
        + Schema.VERSION + ": build it anew with 'depeche index --recreate'");
    messages.put(nine, "depeche: index " + nine + " has schema version 9; this depeche needs version "
        + Schema.VERSION + ": build it anew with 'depeche index --recreate'");
    for (Map.Entry<Path, String> m : messages.entrySet()) {
      for (String command : List.of("index", "search", "stats")) {
        Run r = command.equals("search")
            ? CliTest.run("search", "--index", m.getKey().toString(), "Ghana")
            : command.equals("index")
                ? CliTest.run("index", "--index", m.getKey().toString(), input.toString())
                : CliTest.run("stats", "--index", m.getKey().toString());
        assertEquals(List.of(m.getValue()), r.errLines(), command + " on " + m.getKey());
        assertEquals(3, r.code(), command + " on " + m.getKey());
      }
    }
    Run notAnIndex = CliTest.run("index", "--index", other.toString(), input.toString());
    assertEquals(List.of("depeche: " + other + " is not empty and holds no depeche index; give an empty or new directory"),
        notAnIndex.errLines());
    assertEquals(3, notAnIndex.code());
    assertEquals(List.of("depeche: no index at " + other + "; run 'depeche index' first"),
        CliTest.run("search", "--index", other.toString(), "Ghana").errLines());
    Run check = CliTest.run("check", "--index", old.toString());
    assertEquals(3, check.code());
    assertTrue(check.out().contains("schema    FAILED: version 0; this depeche needs version " + Schema.VERSION), check.out());
  }

  @Test
  void aReadOnlyIndexDirectoryIsOneLineAndExitThree() throws Exception {
    Path input = Files.createDirectory(dir.resolve("input"));
    Files.writeString(input.resolve(GOOD), "Les acteurs de la région doivent se réunir au Ghana.\n", UTF_8);
    Path index = Files.createDirectory(dir.resolve("index"));
    Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assumeFalse(Files.isWritable(index), "running as root: permissions are not enforced");
      Run r = CliTest.run("index", "--index", index.toString(), input.toString());
      assertEquals(List.of("depeche: index " + index + " is read-only: depeche cannot write it"), r.errLines());
      assertEquals(3, r.code());
    } finally {
      Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private List<String> found(String query) throws Exception {
    Run r = CliTest.run("search", "--index", dir.resolve("index").toString(), "--json", "-n", "5", query);
    assertEquals(0, r.code(), r.err());
    List<String> ids = new ArrayList<>();
    for (JsonNode h : JSON.readTree(r.out()).get("hits")) {
      ids.add(h.get("passage_id").asText());
    }
    return ids;
  }
}
