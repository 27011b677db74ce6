package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.depeche.search.QueryCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the words of a query are turned into what is looked for, each on a small index. */
class QueryConstructionTest {
  @TempDir Path dir;

  private static List<String> ids(DepecheIndex index, String query) {
    return index.search(query, SearchOptions.defaults().withSnippets(false))
        .hits().stream().map(PassageHit::passageId).toList();
  }

  @Test
  void aWordTheIndexDoesNotHoldIsAlsoSearchedAsTheClosestWordItHolds() {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      index.add(Article.builder("camp").text("Le camp du Stutthof fut le dernier libéré par les Alliés.").build());
      index.add(Article.builder("ville").text("La ville fut libérée en 1944.").build());
      index.commit();
      assertEquals(List.of("camp#0", "ville#0"), ids(index, "Quand fut libéré le Strutthof"));
    }
  }

  @Test
  void aWordTheIndexHoldsIsNotCorrected() {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      index.add(Article.builder("mali").text("Les troupes quittent le Mali.").build());
      index.add(Article.builder("bali").text("Les touristes reviennent à Bali.").build());
      index.commit();
      assertEquals(List.of("mali#0"), ids(index, "Mali"));
    }
  }

  @Test
  void correctionsDoNotCountTowardsTheLimitOfTermsAQueryMayGive() {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      index.add(Article.builder("camp").text("Le camp du Stutthof fut libéré.").build());
      index.commit();
      // Words the index does not hold, the first three corrected (one to "stutthof"): as many as
      // the limit allows are searched, one more is refused at its own position.
      StringBuilder query = new StringBuilder("Strutthof");
      for (int i = 1; i < QueryCompiler.MAX_TERMS; i++) {
        query.append(" mot").append(i);
      }
      assertEquals(List.of("camp#0"), ids(index, query.toString()));
      String tooMany = query + " mot" + QueryCompiler.MAX_TERMS;
      QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> ids(index, tooMany));
      assertEquals(tooMany.lastIndexOf(' ') + 2, e.position());
    }
  }

  @Test
  void aQuotedPhraseIsSearchedAsTyped() {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      index.add(Article.builder("camp").text("Le camp du Stutthof fut libéré.").build());
      index.commit();
      assertEquals(List.of(), ids(index, "\"camp du Strutthof\""));
    }
  }
}
