package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a search looks for a spelling suggestion (README, "Did you mean"): only when its results
 * leave room for one, and when the options ask for it. The index holds "Bamako" in 30 passages,
 * its misspelling "Bamaco" in one passage beside "Mali", "Mali" in 13 and "Niger" in 12.
 */
class SuggestionRuleTest {
  @TempDir static Path dir;
  private static DepecheIndex index;

  @BeforeAll
  static void indexTheArticles() {
    index = DepecheIndex.openForWriting(dir);
    Article.Builder bamako = Article.builder("bamako").title("Chronique de la capitale");
    for (int i = 0; i < 30; i++) {
      bamako.paragraph("La journée numéro " + i + " à Bamako fut calme.");
    }
    index.add(bamako.build());
    Article.Builder mali = Article.builder("mali").title("Le pays");
    mali.paragraph("Le Mali et Bamaco, sa capitale mal écrite.");
    for (int i = 0; i < 12; i++) {
      mali.paragraph("Une nouvelle du Mali, la numéro " + i + ".");
    }
    index.add(mali.build());
    Article.Builder niger = Article.builder("niger").title("Le voisin");
    for (int i = 0; i < 12; i++) {
      niger.paragraph("Une nouvelle du Niger, la numéro " + i + ".");
    }
    index.add(niger.build());
    index.commit();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void aRareWordIsCorrectedWhenFewPassagesMatch() {
    assertEquals("Bamako", index.search("Bamaco").suggestion());
  }

  @Test
  void aRareWordIsCorrectedWhenNoPassageFoundHoldsEveryWord() {
    assertEquals("Bamako Niger", index.search("Bamaco Niger").suggestion());
  }

  @Test
  void noSuggestionIsLookedForAPastedTextOfMoreWordsThanTheAllWordsBonusCovers() {
    // 65 words, "Bamaco" among them, matching many passages: a suggestion would repeat the text.
    StringBuilder text = new StringBuilder("Bamaco Niger");
    for (int i = 0; i < 63; i++) {
      text.append(" mot").append(i);
    }
    assertNull(index.search(text.toString()).suggestion());
  }

  @Test
  void noSuggestionIsLookedForWhenManyPassagesMatchAndOneHoldsEveryWord() {
    SearchResults r = index.search("Bamaco Mali");
    assertEquals(13, r.totalHits());
    assertNull(r.suggestion());
  }

  @Test
  void noSuggestionWhenTheOptionsAskForNone() {
    SearchOptions none = SearchOptions.defaults().withSuggestion(false);
    assertNull(index.search("Bamacko", none).suggestion());
    assertNull(index.search("Bamaco Niger", none).suggestion());
  }
}
