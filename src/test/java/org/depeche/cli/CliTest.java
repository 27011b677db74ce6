package org.depeche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line as a user runs it, through {@link Main#newCommandLine}, on an index of the test
 * corpus ({@code src/test/resources/corpus}: the seed article and three OrangeSum articles; see
 * the README there for their provenance).
 */
class CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  @TempDir Path dir;

  private static Path index;

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.newCommandLine(new PrintWriter(out), new PrintWriter(err), args).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeAll
  static void indexTheTestCorpus() throws Exception {
    index = shared.resolve("index");
    Path corpus = Path.of(CliTest.class.getResource("/corpus/royaume-uni-retrait-mali.txt").toURI()).getParent();
    Run r = run("index", "--index", index.toString(), corpus.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().matches("indexed 4 articles \\(\\d+ passages\\) from 2 files into "
        + Pattern.quote(index.toString()) + " in \\d+\\.\\d s: 4 added, 0 updated, 0 unchanged, 0 removed\\R"),
        r.err());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void searchJsonHasExactlyTheDocumentedFieldsAndEmInSnippets() throws Exception {
    Run r = run("search", "--index", index.toString(), "--json", "responsabilité", "Bamako");
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.err());
    JsonNode root = JSON.readTree(r.out());

    assertEquals(new TreeSet<>(List.of("query", "total_hits", "took_ms", "suggestion", "hits")), fieldNames(root));
    assertTrue(root.get("suggestion").isNull());
    assertEquals("responsabilité Bamako", root.get("query").asText());
    assertTrue(root.get("total_hits").isIntegralNumber());
    assertTrue(root.get("took_ms").isIntegralNumber());
    assertTrue(root.get("hits").isArray() && !root.get("hits").isEmpty());
    int rank = 0;
    for (JsonNode hit : root.get("hits")) {
      assertEquals(new TreeSet<>(List.of("rank", "score", "passage_id", "article_id", "passage", "title",
          "date", "source", "url", "text", "snippet", "quotes")), fieldNames(hit));
      assertEquals(++rank, hit.get("rank").asInt());
      assertTrue(hit.get("score").isNumber());
      assertEquals(hit.get("article_id").asText() + "#" + hit.get("passage").asInt(), hit.get("passage_id").asText());
      assertTrue(hit.get("snippet").asText().contains("<em>"), hit.toString());
    }
    JsonNode first = root.get("hits").get(0);
    assertEquals("royaume-uni-retrait-mali.txt#2", first.get("passage_id").asText());
    assertTrue(first.get("text").asText().startsWith("« Nous devons être clairs"));
    assertTrue(first.get("snippet").asText().contains("<em>responsabilité</em>"));
    assertTrue(first.get("snippet").asText().contains("<em>Bamako</em>"));
  }

  @Test
  void searchJsonCarriesTheArticleMetadata() throws Exception {
    Run r = run("search", "--index", index.toString(), "--json", "-n", "1", "Delevoye");
    JsonNode hit = JSON.readTree(r.out()).get("hits").get(0);
    assertEquals("orangesum-4", hit.get("article_id").asText());
    assertEquals("2020-07-02", hit.get("date").asText());
    assertEquals("AFP", hit.get("source").asText());
    assertTrue(hit.get("url").asText().startsWith("https://actu.orange.fr/"));
    assertTrue(hit.get("title").asText().startsWith("Déclaration d'intérêts"));
  }

  @Test
  void searchJsonWithNoHitIsStillValid() throws Exception {
    Run r = run("search", "--index", index.toString(), "--json", "Tombouctou");
    assertEquals(0, r.code());
    JsonNode root = JSON.readTree(r.out());
    assertEquals(0, root.get("total_hits").asInt());
    assertEquals(0, root.get("hits").size());
  }

  @Test
  void searchTextShowsRankTitlePassageIdAndPlainSnippetWhenPiped() {
    Run r = run("search", "--index", index.toString(), "-n", "1", "responsabilité Bamako");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).matches(" 1\\. \\[\\d+\\.\\d\\d] .*"), lines.get(0));
    assertEquals("    royaume-uni-retrait-mali.txt#2", lines.get(1));
    assertTrue(lines.get(2).startsWith("    « Nous devons être clairs"), lines.get(2));
    assertFalse(r.out().contains("\033["), "no ANSI codes when output is not a terminal");
    assertTrue(lines.getLast().matches("1 article, 1 of \\d+ passages \\(\\d+ ms\\)"), lines.getLast());
  }

  @Test
  void aMalformedQueryIsOneLineOnStderrWithExitTwo() {
    Run r = run("search", "--index", index.toString(), "« Bamako");
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals("", r.out());
    assertEquals(List.of("depeche: unclosed quote « at position 1"), r.errLines());
  }

  @Test
  void aMalformedQueryShowsItsStackTraceOnlyWithStacktrace() {
    Run r = run("search", "--stacktrace", "--index", index.toString(), "Mali OR");
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("QuerySyntaxException"), r.err());
    assertTrue(r.errLines().getLast().equals("depeche: 'OR' needs a word or phrase on each side at position 6"),
        r.err());
  }

  @Test
  void aMissingIndexIsOneLineWithExitThree() {
    Path missing = dir.resolve("nothing-here");
    for (String command : List.of("search", "stats")) {
      Run r = command.equals("search")
          ? run("search", "--index", missing.toString(), "Bamako")
          : run("stats", "--index", missing.toString());
      assertEquals(ExitCodes.INDEX, r.code(), command);
      assertEquals("", r.out());
      assertEquals(List.of("depeche: no index at " + missing + "; run 'depeche index' first"), r.errLines(),
          command);
      assertFalse(Files.exists(missing), command + " must not create the index directory");
    }
  }

  @Test
  void indexingALockedOrForeignDirectoryIsOneLineWithExitThree() throws Exception {
    Path locked = dir.resolve("locked");
    Path corpus = Files.writeString(dir.resolve("a.txt"), "Un article.");
    try (org.depeche.DepecheIndex writer = org.depeche.DepecheIndex.openForWriting(locked)) {
      Run r = run("index", "--index", locked.toString(), corpus.toString());
      assertEquals(ExitCodes.INDEX, r.code());
      assertEquals(List.of("depeche: index " + locked + " is being written by another process"), r.errLines());
    }
    Path foreign = Files.createDirectory(dir.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "pas un index");
    Run r = run("index", "--index", foreign.toString(), corpus.toString());
    assertEquals(ExitCodes.INDEX, r.code());
    assertEquals(List.of("depeche: " + foreign + " is not empty and holds no depeche index; give an empty or new directory"),
        r.errLines());
  }

  @Test
  void statsJsonHasExactlyTheDocumentedFields() throws Exception {
    Run r = run("stats", "--index", index.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = JSON.readTree(r.out());
    assertEquals(new TreeSet<>(List.of("articles", "passages", "terms", "size_bytes", "analyzer", "last_commit")),
        fieldNames(root));
    assertEquals(4, root.get("articles").asInt());
    assertTrue(root.get("passages").asInt() > 4);
    assertTrue(root.get("terms").asInt() > 100);
    assertTrue(root.get("size_bytes").asLong() > 0);
    assertEquals("depeche", root.get("analyzer").asText());
    java.time.Instant.parse(root.get("last_commit").asText());
  }

  @Test
  void statsTextNamesEachFigure() {
    Run r = run("stats", "--index", index.toString());
    assertEquals(0, r.code(), r.err());
    for (String label : List.of("index", "articles", "passages", "terms", "size", "analyzer", "last commit")) {
      assertTrue(r.out().lines().anyMatch(l -> l.startsWith(label + " ")), label + " in\n" + r.out());
    }
    assertTrue(r.out().contains("articles     4\n"), r.out());
  }

  @Test
  void analyzeJsonGivesTermsPositionsAndOffsets() throws Exception {
    Run r = run("analyze", "--json", "L’ONU et le Royaume-Uni");
    assertEquals(0, r.code(), r.err());
    JsonNode root = JSON.readTree(r.out());
    assertEquals(Set.of("tokens"), fieldNames(root));
    List<String> tokens = new ArrayList<>();
    for (JsonNode t : root.get("tokens")) {
      assertEquals(new TreeSet<>(List.of("term", "position", "start", "end")), fieldNames(t));
      tokens.add(t.get("term").asText() + "@" + t.get("position").asInt() + "[" + t.get("start").asInt() + ","
          + t.get("end").asInt() + ")");
    }
    assertEquals(List.of("onu@0[2,5)", "royaumeuni@3[12,23)", "royaum@3[12,19)", "unir@4[20,23)"), tokens);
  }

  @Test
  void analyzeTextShowsEachTokenWithTheTextItCameFrom() {
    Run r = run("analyze", "l'ONU");
    assertEquals(0, r.code());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("\\s+0\\s+2\\s+5\\s+onu\\s+\\(ONU\\)")), r.out());
  }

  private static final Pattern TREC = Pattern.compile("(\\S+) Q0 (\\S+) (\\d+) (-?\\d+\\.\\d{6}) depeche");

  /** The TREC lines of a batch run, by query id. */
  private static Map<String, List<Matcher>> trecLines(String out) {
    Map<String, List<Matcher>> byQuery = new LinkedHashMap<>();
    for (String line : out.lines().toList()) {
      Matcher m = TREC.matcher(line);
      assertTrue(m.matches(), "not a TREC run line: " + line);
      byQuery.computeIfAbsent(m.group(1), q -> new ArrayList<>()).add(m);
    }
    return byQuery;
  }

  @Test
  void batchSearchPrintsTrecLinesForEveryQueryAndReportsBadLines() throws Exception {
    Path queries = Files.writeString(dir.resolve("queries.tsv"), """
        q1\tresponsabilité Bamako
        q2\tHeappey
        q3 sans tabulation
        q4\t« Bamako
        
        q5\tsoignants OR Delevoye
        q6\tTombouctou
        q7\tMali OR pays
        """);
    Run r = run("search", "--index", index.toString(), "--queries", queries.toString(), "--trec", "-n", "5");

    assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
    assertEquals(List.of(
        "depeche: " + queries + ":3: error: expected qid<TAB>query; line skipped",
        "depeche: " + queries + ":4: warning: unclosed quote « at position 1; searched as plain words"),
        r.errLines());
    Map<String, List<Matcher>> byQuery = trecLines(r.out());
    assertEquals(List.of("q1", "q2", "q4", "q5", "q7"), List.copyOf(byQuery.keySet()), "q6 has no hit");
    for (List<Matcher> lines : byQuery.values()) {
      assertTrue(lines.size() <= 5);
      double previous = Double.MAX_VALUE;
      for (int k = 0; k < lines.size(); k++) {
        assertEquals(k + 1, Integer.parseInt(lines.get(k).group(3)), "ranks count from 1");
        double score = Double.parseDouble(lines.get(k).group(4));
        assertTrue(score <= previous, "scores do not increase");
        previous = score;
      }
    }
    assertEquals("royaume-uni-retrait-mali.txt#2", byQuery.get("q1").getFirst().group(2));
    assertEquals(5, byQuery.get("q7").size(), "-n 5 of the passages naming Mali or a pays");
    assertEquals(3, byQuery.get("q2").size(), "the three passages naming Heappey");
    assertEquals("royaume-uni-retrait-mali.txt#2", byQuery.get("q4").getFirst().group(2));
  }

  @Test
  void batchSearchSkipsAQueryThatIsMalformedEvenAsPlainWordsAndAnswersTheOthers() throws Exception {
    Path queries = Files.writeString(dir.resolve("queries.tsv"),
        "q1\tBamako\nq2\t\"\nq3\t-\nq4\ttitle: Mali\nq5\tHeappey\n");
    Run r = run("search", "--index", index.toString(), "--queries", queries.toString(), "--trec");

    assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
    assertEquals(Set.of("q1", "q4", "q5"), trecLines(r.out()).keySet(), "q4 searched as plain words");
    for (int line = 2; line <= 4; line++) {
      String prefix = "depeche: " + queries + ":" + line + ": ";
      assertTrue(r.errLines().stream().anyMatch(l -> l.startsWith(prefix)), prefix + " in\n" + r.err());
    }
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void searchBySpeakerPutsHeappeysBamakoStatementFirstAndCarriesQuotesInJson() throws Exception {
    Run text = run("search", "--index", index.toString(), "--speaker", "Heappey", "Bamako");
    assertEquals(0, text.code(), text.err());
    assertEquals("royaume-uni-retrait-mali.txt#2", text.out().lines().toList().get(1).strip());

    Run json = run("search", "--index", index.toString(), "--json", "--speaker", "heappey");
    JsonNode hits = JSON.readTree(json.out()).get("hits");
    assertEquals(4, hits.size(), json.out());
    for (JsonNode hit : hits) {
      JsonNode quote = hit.get("quotes").get(0);
      assertEquals(new TreeSet<>(List.of("text", "speaker", "role")), fieldNames(quote));
      assertEquals("James Heappey", quote.get("speaker").asText());
    }
  }

  @Test
  void quotesJsonHasExactlyTheDocumentedFields() throws Exception {
    Run r = run("quotes", "--index", index.toString(), "--json", "--speaker", "Heappey");
    assertEquals(0, r.code(), r.err());
    JsonNode quotes = JSON.readTree(r.out()).get("quotes");
    assertEquals(List.of("royaume-uni-retrait-mali.txt#1", "royaume-uni-retrait-mali.txt#2",
        "royaume-uni-retrait-mali.txt#3", "royaume-uni-retrait-mali.txt#8"),
        quotes.findValuesAsText("passage_id"));
    for (JsonNode q : quotes) {
      assertEquals(new TreeSet<>(List.of("text", "speaker", "role", "passage_id", "article_id", "title", "date")),
          fieldNames(q));
      assertEquals("James Heappey", q.get("speaker").asText());
      assertEquals("royaume-uni-retrait-mali.txt", q.get("article_id").asText());
    }
    Run textRun = run("quotes", "--index", index.toString(), "-n", "1", "Bamako");
    assertTrue(textRun.out().startsWith("« Nous devons être clairs"), textRun.out());
    assertTrue(textRun.out().contains("— James Heappey, secrétaire d’Etat aux forces armées"), textRun.out());
  }

  @Test
  void speakersListsWhoIsQuotedMostFirst() throws Exception {
    Run r = run("speakers", "--index", index.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode speakers = JSON.readTree(r.out()).get("speakers");
    long previous = Long.MAX_VALUE;
    for (JsonNode s : speakers) {
      assertEquals(new TreeSet<>(List.of("speaker", "quotes")), fieldNames(s));
      assertTrue(s.get("quotes").asLong() <= previous);
      previous = s.get("quotes").asLong();
    }
    assertTrue(speakers.findValuesAsText("speaker").contains("James Heappey"), r.out());
    Run text = run("speakers", "--index", index.toString());
    assertTrue(text.out().lines().anyMatch(l -> l.matches(" +4  James Heappey")), text.out());
  }

  @Test
  void usageErrorsExitTwo() {
    for (String[] args : List.of(
        new String[] {"search", "--index", index.toString()},
        new String[] {"search", "--index", index.toString(), "-n", "0", "Mali"},
        new String[] {"search", "--index", index.toString(), "--trec", "Mali"},
        new String[] {"search", "--no-such-option", "Mali"},
        new String[] {"search", "--index", index.toString(), "--speaker", "«»", "Mali"},
        new String[] {"quotes", "--index", index.toString(), "-n", "0"},
        new String[] {"quotes", "--index", index.toString(), "\"Bamako"},
        new String[] {"no-such-command"})) {
      Run r = run(args);
      assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
      assertTrue(r.errLines().getFirst().startsWith("depeche: "), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      --from 2022-13                   | depeche: --from: not a date: '2022-13' (expected YYYY, YYYY-MM or YYYY-MM-DD)
      --to 2022-02-30                  | depeche: --to: not a date: '2022-02-30' (expected YYYY, YYYY-MM or YYYY-MM-DD)
      --from 15/11/2022                | depeche: --from: not a date: '15/11/2022' (expected YYYY, YYYY-MM or YYYY-MM-DD)
      --from 2023 --to 2022            | depeche: the first day 2023-01-01 is after the last day 2022-12-31
      --sort newest                    | depeche: --sort must be relevance, date or -date, not 'newest'
      --per-article -1                 | depeche: --per-article must be between 0 and 100, not -1
      --articles --per-article 0       | depeche: --articles needs --per-article 1 or more
      --synonyms /no/such/file         | depeche: cannot read /no/such/file: /no/such/file
      """)
  void badSearchOptionsAreOneLineNamingThemWithExitTwo(String options, String message) {
    List<String> args = new ArrayList<>(List.of("search", "--index", index.toString()));
    args.addAll(List.of(options.split(" ")));
    args.add("Mali");
    Run r = run(args.toArray(String[]::new));
    assertEquals(ExitCodes.USAGE, r.code(), r.err());
    assertEquals(message, r.errLines().getFirst());
    assertEquals("", r.out());
  }

  @Test
  void aBadSynonymsFileIsNamedWithItsLine() throws Exception {
    Path file = dir.resolve("syn.txt");
    Files.writeString(file, "ONU, Nations unies\nMali\n");
    Run r = run("search", "--index", index.toString(), "--synonyms", file.toString(), "Mali");
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals("depeche: " + file + ":2: expected two or more equivalents separated by commas",
        r.errLines().getFirst());
  }

  @Test
  void filtersAndDateSortWorkFromTheCommandLine() throws Exception {
    Run r = run("search", "--index", index.toString(), "--json", "--from", "2020-07", "--to", "2020-07-02",
        "--source", "afp", "--sort", "-date", "--articles", "Mali OR Delevoye OR Véran");
    assertEquals(0, r.code(), r.err());
    JsonNode articles = JSON.readTree(r.out()).get("articles");
    assertEquals(1, articles.size(), r.out());
    assertEquals("orangesum-4", articles.get(0).get("article_id").asText());

    Run byDate = run("search", "--index", index.toString(), "--json", "--sort=date", "--per-article", "1",
        "Mali OR Delevoye OR Véran");
    List<String> dates = new ArrayList<>();
    JSON.readTree(byDate.out()).get("articles").forEach(a -> dates.add(a.get("date").asText()));
    assertEquals(List.of("2020-07-02", "2020-07-02", "null"), dates, "the undated seed article comes last");
  }

  @Test
  void groupedTextShowsOnePassagePerArticleAndCountsTheOthers() {
    Run r = run("search", "--index", index.toString(), "Heappey");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("    +2 more passages\n"), r.out());
    assertTrue(r.out().lines().toList().getLast().matches("1 article, 1 of 3 passages \\(\\d+ ms\\)"), r.out());

    Run all = run("search", "--index", index.toString(), "--per-article", "0", "Heappey");
    assertFalse(all.out().contains("more passage"), all.out());
    assertTrue(all.out().lines().toList().getLast().matches("3 of 3 passages \\(\\d+ ms\\)"), all.out());

    Run articles = run("search", "--index", index.toString(), "--articles", "Heappey");
    assertTrue(articles.out().contains("    royaume-uni-retrait-mali.txt · 3 passages matching\n"), articles.out());
  }

  @Test
  void facetsAreBarChartsInTextAndCountsInJson() throws Exception {
    Run text = run("search", "--index", index.toString(), "--facets", "Mali OR Delevoye OR Véran");
    assertEquals(0, text.code(), text.err());
    String bar = "█".repeat(40);
    assertTrue(text.out().contains("\nsource\n  AFP                         " + bar + " 1\n"
        + "  Orange avec Media Services  " + bar + " 1\n"), text.out());
    assertTrue(text.out().contains("\nyear\n  2020  " + bar + " 2\n"), text.out());

    JsonNode facets = JSON.readTree(run("search", "--index", index.toString(), "--json", "--facets",
        "Mali OR Delevoye OR Véran").out()).get("facets");
    assertEquals(new TreeSet<>(List.of("source", "category", "year", "month")), fieldNames(facets));
    assertEquals("[{\"value\":\"france\",\"count\":1},{\"value\":\"politique\",\"count\":1}]",
        facets.get("category").toString());
    assertEquals("[{\"value\":\"2020-07\",\"count\":2}]", facets.get("month").toString());
  }

  @Test
  void aMisspelledQueryGetsASuggestionInTextAndJson() throws Exception {
    Run text = run("search", "--index", index.toString(), "Bamacko");
    assertEquals("Did you mean: Bamako?", text.out().lines().findFirst().orElseThrow());
    JsonNode root = JSON.readTree(run("search", "--index", index.toString(), "--json", "Heapey").out());
    assertEquals("Heappey", root.get("suggestion").asText());
  }

  @Test
  void explainPrintsATreeInTextAndJson() throws Exception {
    Run text = run("search", "--index", index.toString(), "-n", "1", "--explain", "responsabilité Bamako");
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("\n        1000  bonus: every word of the query is in the passage's own text\n"),
        text.out());
    JsonNode hit = JSON.readTree(run("search", "--index", index.toString(), "--json", "-n", "1", "--explain",
        "responsabilité Bamako").out()).get("hits").get(0);
    JsonNode e = hit.get("explanation");
    assertEquals(new TreeSet<>(List.of("value", "description", "details")), fieldNames(e));
    assertEquals(hit.get("score").asDouble(), e.get("value").asDouble(), 1e-3);
    assertTrue(e.get("details").size() >= 2, e.toString());
  }

  @Test
  void similarListsPassagesOfOtherArticlesAndNamesAnUnknownPassage() throws Exception {
    JsonNode root = JSON.readTree(run("similar", "--index", index.toString(), "--json",
        "royaume-uni-retrait-mali.txt#0").out());
    assertEquals("royaume-uni-retrait-mali.txt#0", root.get("query").asText());
    root.get("hits").forEach(h -> assertFalse(h.get("article_id").asText().startsWith("royaume-uni"), h.toString()));

    Run unknown = run("similar", "--index", index.toString(), "mali.txt#99");
    assertEquals(ExitCodes.USAGE, unknown.code());
    assertEquals(List.of("depeche: no passage mali.txt#99 in the index"), unknown.errLines());
  }

  @Test
  void helpTextIsWrappedOnceWithoutOrphanedFragments() {
    for (String command : List.of("", "index", "search", "similar", "quotes", "speakers", "analyze", "stats")) {
      Run help = command.isEmpty() ? run("--help") : run(command, "--help");
      List<String> lines = help.out().lines().toList();
      for (int k = 0; k < lines.size(); k++) {
        String line = lines.get(k);
        assertTrue(line.length() <= 80, "too wide: " + line);
        String next = k + 1 < lines.size() ? lines.get(k + 1) : "";
        // Inside a paragraph, a line breaks only near the right margin, where the next word would not fit.
        boolean continues = isProse(line) && isProse(next) && !line.endsWith(".") && !line.startsWith("Usage:");
        assertTrue(!continues || line.length() + 1 + next.split(" ")[0].length() > 70,
            "'" + line + "' was cut short in depeche " + command + " --help");
      }
    }
  }

  private static boolean isProse(String line) {
    return !line.isBlank() && !line.startsWith(" ") && !line.endsWith(":");
  }

  @Test
  void helpAndVersionExitZero() {
    Run help = run("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().contains("Usage: depeche [-hV] [--stacktrace] COMMAND"), help.out());
    for (String part : List.of("index", "search", "analyze", "stats", "Exit codes:", "3   the index cannot be used")) {
      assertTrue(help.out().contains(part), part + " in\n" + help.out());
    }
    Run searchHelp = run("search", "--help");
    assertEquals(0, searchHelp.code());
    assertTrue(searchHelp.out().contains("--queries=FILE"), searchHelp.out());

    Run version = run("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().startsWith("depeche "), version.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"depeche, --help", "search, search --help", "eval, eval --help", "search, help search"})
  void helpIsAsItsGoldenFileSays(String golden, String args) throws Exception {
    String expected = Files.readString(
        Path.of(CliTest.class.getResource("/org/depeche/cli/help/" + golden + ".txt").toURI()));
    Run help = run(args.split(" "));
    assertEquals(0, help.code());
    assertEquals(expected, help.out().replace(System.lineSeparator(), "\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"search", "index", "eval", "similar", "quotes", "speakers", "analyze", "stats", "check"})
  void aCommandLineForOneSubcommandBuildsThatSubcommandOnly(String name) {
    PrintWriter sink = new PrintWriter(new StringWriter());
    assertEquals(Set.of(name),
        Main.newCommandLine(sink, sink, "--stacktrace", name, "--index", "x", "Mali").getSubcommands().keySet());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({"--help", "help", "serch", "''"})
  void withoutAKnownSubcommandEverySubcommandIsThereForHelp(String first) {
    PrintWriter sink = new PrintWriter(new StringWriter());
    String[] args = first.isEmpty() ? new String[0] : new String[] {first};
    assertEquals(Set.of("index", "search", "eval", "similar", "quotes", "speakers", "analyze", "stats", "check",
        "help"), Main.newCommandLine(sink, sink, args).getSubcommands().keySet());
  }
}
