package org.depeche;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.depeche.search.QueryCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No query takes more than 2 s on the OrangeSum index ({@code ../shared/data/orangesum}, 34,352
 * articles): the most frequent words, long OR lists, long phrases, the most terms a query may give,
 * prefixes that stand for hundreds of words, and hostile syntax; a query refused as a syntax error
 * must be refused as fast. Indexing OrangeSum takes minutes, so this runs only with
 * {@code -Ddepeche.long=true} (see the README).
 */
class QueryTimeIT {
  private static final Path ORANGESUM = Path.of("../shared/data/orangesum/orangesum.jsonl.gz");
  private static final String COMMON = "France gouvernement président ministre police millions Paris "
      + "personnes mort enquête élection Macron euros semaine pays année monde ville jour mois";

  @TempDir Path dir;

  @Test
  void noQueryTakesMoreThanTwoSecondsOnOrangeSum() {
    assumeTrue(Boolean.getBoolean("depeche.long"), "a long run: -Ddepeche.long=true");
    assumeTrue(Files.exists(ORANGESUM), ORANGESUM + " is not there");
    List<String> words = List.of(COMMON.split(" "));
    String many = String.join(" ", java.util.Collections.nCopies(QueryCompiler.MAX_TERMS / words.size(), COMMON));
    List<String> queries = new ArrayList<>(List.of(
        COMMON,
        String.join(" OR ", words),
        "\"" + COMMON + "\"",
        many,
        "« " + many + " »",
        "title:France OR source:AFP OR gouvernement -police",
        "le la de les des du un une et à",
        "* ? *ouv* Mali* ?ali",
        "con*",
        "con* pre*",
        "con* pre* man* par* dé* res*",
        "\"con* pre*\" OR gouv* OR -pol*",
        "\"le président de la République\"",
        "Royaume-Uni Bamako responsabilité"));
    long worst = 0;
    String slowest = null;
    try (DepecheIndex index = DepecheIndex.openForWriting(dir.resolve("index"))) {
      index.addFiles(List.of(ORANGESUM), IndexingListener.SILENT);
      for (int round = 0; round < 2; round++) {
        for (String q : queries) {
          long started = System.nanoTime();
          try {
            index.search(q, SearchOptions.defaults().withLimit(100));
          } catch (QuerySyntaxException tooMany) {
            // Refusing a query is an answer too; it must come as fast.
          }
          long millis = (System.nanoTime() - started) / 1_000_000;
          System.out.printf(Locale.ROOT, "round %d: %5d ms  %.60s%n", round + 1, millis, q);
          if (millis > worst) {
            worst = millis;
            slowest = q;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "OrangeSum: slowest query %d ms: %.80s%n", worst, slowest);
    assertTrue(worst < 2_000, worst + " ms: " + slowest);
  }
}
