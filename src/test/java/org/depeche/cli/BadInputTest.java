package org.depeche.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.depeche.cli.CliTest.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must show 7: a folder with an empty file, a binary file, a Latin-1 file and a JSONL file with one
 * broken line indexes everything good, names each problem, and exits 4.
 *
 * <p>The article texts are sentences of the seed article ({@code corpus/royaume-uni-retrait-mali.txt},
 * AFP, 2022-11-15) and of OrangeSum article {@code orangesum-4} ({@code src/test/resources/corpus}),
 * trimmed; the files are written by the test so that their bytes are exactly the ones named.
 */
class BadInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path input;
  private Path index;

  @BeforeEach
  void writeTheFolder() throws Exception {
    input = Files.createDirectory(dir.resolve("input"));
    index = dir.resolve("index");
    Files.write(input.resolve("empty.txt"), new byte[0]);
    // The start of a PNG file: a signature, then a header chunk full of NUL bytes.
    Files.write(input.resolve("binary.txt"), new byte[] {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 1, 0,
        0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5c, 0x72, (byte) 0xa8, 0x66});
    Files.write(input.resolve("latin1.txt"), """
        ---
        title: Le contingent britannique quittera le Mali
        date: 2022-11-15
        ---
        Le gouvernement britannique ne peut pas déployer l'armée nationale pour assurer la sécurité à Tombouctou.

        Près de 300 soldats britanniques sont présents au Mali depuis la fin 2020.
        """.getBytes(ISO_8859_1));
    Files.writeString(input.resolve("good.txt"), """
        Les acteurs de la région doivent se réunir la semaine prochaine au Ghana.
        """, UTF_8);
    Files.writeString(input.resolve("articles.jsonl"), String.join("\n",
        "{\"id\": \"delevoye\", \"title\": \"Delevoye entendu mercredi\", \"source\": \"AFP\", "
            + "\"text\": \"L'ancien haut-commissaire aux retraites sera entendu en audition libre.\"}",
        "{\"id\": \"cassée\", \"text\": \"Cette ligne n'est jamais fermée",
        "{\"id\": \"minusma\", \"text\": \"La junte s'en est pris plusieurs fois oralement à la Minusma.\"}",
        ""), UTF_8);
  }

  private Run index() {
    return CliTest.run("index", "--index", index.toString(), input.toString());
  }

  private List<String> passageIds(String query) throws Exception {
    Run r = CliTest.run("search", "--index", index.toString(), "--json", query);
    assertEquals(0, r.code(), r.err());
    List<String> ids = new ArrayList<>();
    JSON.readTree(r.out()).get("hits").forEach(h -> ids.add(h.get("passage_id").asText()));
    return ids;
  }

  @Test
  void indexesEverythingGoodNamesEachProblemAndExitsFour() {
    Run r = index();

    assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
    assertEquals("", r.out());
    List<String> lines = r.errLines();
    assertEquals(List.of(
        "depeche: " + input.resolve("articles.jsonl") + ":2: error: not valid JSON",
        "depeche: " + input.resolve("binary.txt") + ": error: binary file",
        "depeche: " + input.resolve("empty.txt") + ": error: empty file",
        "depeche: " + input.resolve("latin1.txt") + ": warning: not valid UTF-8; read as Windows-1252"),
        lines.subList(0, 4).stream().map(l -> l.replaceFirst("(not valid JSON).*", "$1")).toList());
    assertEquals(5, lines.size(), r.err());
    assertTrue(lines.get(4).matches("indexed 4 articles \\(5 passages\\) from 3 files into "
        + java.util.regex.Pattern.quote(index.toString())
        + " in \\d+\\.\\d s: 4 added, 0 updated, 0 unchanged, 0 removed; skipped 2 files and 1 record, "
        + "1 warning"), lines.get(4));
  }

  @Test
  void everyGoodArticleIsSearchableAfterwards() throws Exception {
    index();
    assertEquals(List.of("good.txt#0"), passageIds("Ghana"));
    assertEquals(List.of("delevoye#0"), passageIds("audition libre"));
    assertEquals(List.of("minusma#0"), passageIds("Minusma"));
    assertEquals(List.of(), passageIds("jamais fermée"), "the broken line is not indexed");
  }

  @Test
  void theLatin1FileIsSearchableByItsAccentedWords() throws Exception {
    index();
    assertEquals(List.of("latin1.txt#0"), passageIds("Tombouctou"));
    assertEquals(List.of("latin1.txt#0"), passageIds("sécurité déployer"));
    assertEquals(List.of("latin1.txt#0"), passageIds("securite deployer"));
    assertEquals(List.of("latin1.txt#1"), passageIds("« Près de 300 soldats »"));

    Run r = CliTest.run("search", "--index", index.toString(), "--json", "Tombouctou");
    JsonNode hit = JSON.readTree(r.out()).get("hits").get(0);
    assertTrue(hit.get("text").asText().contains("déployer l'armée nationale pour assurer la sécurité"),
        hit.get("text").asText());
    assertEquals("Le contingent britannique quittera le Mali", hit.get("title").asText());
    assertEquals("2022-11-15", hit.get("date").asText());
  }

  @Test
  void indexingTheSameFolderAgainKeepsOneCopyOfEachArticle() throws Exception {
    index();
    Run again = index();
    assertEquals(ExitCodes.BAD_INPUT, again.code());
    Run stats = CliTest.run("stats", "--index", index.toString(), "--json");
    JsonNode s = JSON.readTree(stats.out());
    assertEquals(4, s.get("articles").asInt());
    assertEquals(5, s.get("passages").asInt());
    assertEquals(List.of("latin1.txt#0"), passageIds("Tombouctou"));
  }
}
