package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ranking options, each on a small index where it changes the order. */
class RankingTest {
  @TempDir Path dir;

  private static List<String> ids(DepecheIndex index, String query, Ranking ranking) {
    return index.search(query, SearchOptions.defaults().withSnippets(false).withRanking(ranking))
        .hits().stream().map(PassageHit::passageId).toList();
  }

  private static Ranking plain() {
    return new Ranking(0, false, 0, false);
  }

  @Test
  void rescoringPutsAnEarlierPassageOfTheSameArticleFirstWhenTheirScoresAreClose() {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      // Same article, so the same share of its score; "tigre" once in #0, twice in #3 (a higher
      // BM25, by less than the 10 ln 4 = 13.9 that re-scoring takes from the fourth passage).
      index.add(Article.builder("story").text("""
          Un tigre a été vu près du village.

          Les habitants restent chez eux.

          La réserve ferme ses portes.

          Le tigre, un vieux tigre, dort.""").build());
      index.commit();
      Ranking first = Ranking.defaults().withRescore(false);
      assertEquals(List.of("story#3", "story#0"),
          ids(index, "tigre", first.withArticleWeight(0)).subList(0, 2));
      assertEquals("story#3", ids(index, "tigre", first).getFirst());
      assertEquals("story#0", ids(index, "tigre", Ranking.defaults()).getFirst());
    }
  }

  @Test
  void articleContextRaisesTheArticleThatHoldsEveryWordAcrossItsParagraphs() {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      // "story": the three words in two paragraphs; "brief": two of them in one short paragraph.
      index.add(Article.builder("story").text("""
          Le tigre de Sumatra a été retrouvé mort dans la réserve, près du village.

          Les gardes soupçonnent un empoisonnement.""").build());
      index.add(Article.builder("brief").text("Un tigre de Sumatra est né au zoo.").build());
      index.commit();
      String query = "tigre Sumatra empoisonnement";
      assertEquals("brief#0", ids(index, "tigre Sumatra", plain()).getFirst());
      assertEquals(List.of("story#1", "brief#0", "story#0"), ids(index, query, plain()));
      assertEquals(List.of("story#1", "story#0", "brief#0"),
          ids(index, query, plain().withArticleWeight(1000)));
    }
  }

  @Test
  void proximityRaisesTheArticleWhereConsecutiveWordsAreNearNotThePassageAlone() {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      index.add(Article.builder("near").text("Un trafic de drogue a été démantelé hier soir à Dijon par la police.").build());
      index.add(Article.builder("far").text("La drogue venait d'un trafic.").build());
      index.commit();
      Ranking context = plain().withArticleWeight(1);
      assertEquals("far#0", ids(index, "trafic drogue", context).getFirst());
      assertEquals("near#0", ids(index, "trafic drogue", context.withProximityWeight(3)).getFirst());
      // The passages alone have no proximity clauses.
      assertEquals(ids(index, "trafic drogue", plain()), ids(index, "trafic drogue", plain().withProximityWeight(1)));
    }
  }

  @Test
  void allWordsFirstPutsThePassageWithEveryWordBeforeOneWithARareWordMoreOften() {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      index.add(Article.builder("both").text("Le retrait du Mali a été annoncé lundi par le ministre.").build());
      index.add(Article.builder("rare").text("Retrait, retrait, retrait !").build());
      index.add(Article.builder("mali").text("Le Mali.").build());
      index.add(Article.builder("bamako").text("Bamako, au Mali.").build());
      index.commit();
      assertEquals("rare#0", ids(index, "Mali retrait", plain()).getFirst());
      assertEquals("both#0", ids(index, "Mali retrait", plain().withAllWordsFirst(true)).getFirst());
    }
  }

  @Test
  void aNegativeWeightIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Ranking.defaults().withArticleWeight(-1));
    assertThrows(IllegalArgumentException.class, () -> Ranking.defaults().withProximityWeight(Float.NaN));
  }
}
