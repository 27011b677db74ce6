package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Must show 1 and 2, on the corpus shipped in {@code corpus/} (the seed article and 200 OrangeSum
 * articles; see {@code corpus/README.md}), indexed once for the class.
 */
class ShippedCorpusTest {
  private static final String SEED = "royaume-uni-retrait-mali.txt";

  @TempDir static Path dir;
  private static DepecheIndex index;

  @BeforeAll
  static void indexTheShippedCorpus() {
    index = DepecheIndex.openForWriting(dir);
    IndexingSummary summary = index.addFiles(List.of(Path.of("corpus")), IndexingListener.SILENT);
    assertFalse(summary.hasErrors(), summary.toString());
    assertEquals(0, summary.warnings(), summary.toString());
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static List<String> ids(String query, int limit) {
    return index.search(query, SearchOptions.defaults().withLimit(limit)).hits().stream()
        .map(PassageHit::passageId).toList();
  }

  @Test
  void holdsTheSeedAndTwoHundredOrangeSumArticles() {
    IndexStats stats = index.stats();
    assertEquals(201, stats.articles());
    assertTrue(stats.passages() > 201, stats.toString());
  }

  @Test
  void responsabiliteBamakoFindsTheSeedPassageFirst() {
    PassageHit first = index.search("responsabilité Bamako").hits().getFirst();
    assertEquals(SEED + "#2", first.passageId());
    assertTrue(first.text().startsWith("« Nous devons être clairs"), first.text());
    assertTrue(first.text().contains("incombe à Bamako"), first.text());
    assertEquals("2022-11-15", first.date().toString());
  }

  @Test
  void heappeyReturnsTheThreeSeedPassagesNamingHimAsTopThree() {
    List<String> top = ids("Heappey", 10);
    assertEquals(Set.of(SEED + "#1", SEED + "#3", SEED + "#8"), Set.copyOf(top.subList(0, 3)), top.toString());
  }

  @Test
  void securiteDurableFindsTheAccentedPassageInTopThree() {
    List<String> top = ids("securite durable", 3);
    assertTrue(top.contains(SEED + "#3"), top.toString());
    PassageHit hit = index.search("securite durable").hits().stream()
        .filter(h -> h.passageId().equals(SEED + "#3")).findFirst().orElseThrow();
    assertTrue(hit.text().contains("une stabilité et une sécurité durables"), hit.text());
    assertTrue(hit.snippet().toHtml().contains("<em>sécurité</em> <em>durables</em>"), hit.snippet().toHtml());
  }

  @ParameterizedTest
  @ValueSource(strings = {"l'ONU", "L’ONU", "l’onu", "onu"})
  void elidedAndCasedFormsOfOnuReturnTheSamePassagesInTheSameOrder(String query) {
    List<String> onu = ids("ONU", 100);
    assertTrue(onu.size() >= 3, onu.toString());
    assertTrue(onu.containsAll(List.of(SEED + "#1", SEED + "#4", SEED + "#7")), onu.toString());
    assertEquals(onu, ids(query, 100));
  }
}
