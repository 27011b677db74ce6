package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.depeche.search.Synonyms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Filters, sorting, facets, grouping, suggestions, prefixes, synonyms, similar passages and
 * explanations through the library, on four small articles: two from AFP (one written "afp"), one
 * from Reuters without a date, in three years and two categories (one written "monde" and "Monde").
 */
class SearchFeaturesTest {
  private static final List<Article> ARTICLES = List.of(
      Article.builder("mali")
          .title("Le Royaume-Uni va retirer ses troupes du Mali plus tôt que prévu")
          .date(LocalDate.of(2022, 11, 15)).source("AFP").category("monde")
          .paragraph("« Le contingent du Royaume-Uni quittera (la Mission de la paix de l’ONU) plus tôt "
              + "que prévu », a indiqué le secrétaire d’Etat aux forces armées James Heappey.")
          .paragraph("« Nous devons être clairs sur le fait que la responsabilité de tout cela incombe "
              + "à Bamako », a-t-il ajouté.")
          .paragraph("Le gouvernement britannique « ne peut pas déployer l’armée nationale », a insisté "
              + "Heappey.")
          .build(),
      Article.builder("ghana")
          .title("Sommet régional à Accra").source("Reuters")
          .paragraph("Les acteurs de la région doivent se réunir la semaine prochaine au Ghana.")
          .paragraph("Les armées de la région et leurs forces spéciales seront représentées à Accra.")
          .build(),
      Article.builder("onu-2021")
          .title("La transition salue a New York")
          .date(LocalDate.of(2021, 3, 10)).source("afp").category("Économie")
          .paragraph("Les Nations unies ont salué la transition au Mali.")
          .paragraph("Le Conseil de sécurité se réunira la semaine prochaine.")
          .build(),
      Article.builder("mali-2020")
          .title("Coup d'État à Bamako")
          .date(LocalDate.of(2020, 8, 19)).source("AFP").category("Monde")
          .paragraph("Le Mali est entré dans une période de transition militaire.")
          .paragraph("Les militaires maliens ont promis des élections.")
          .build());

  @TempDir static Path dir;
  private static DepecheIndex index;

  @BeforeAll
  static void indexTheArticles() {
    index = DepecheIndex.openForWriting(dir);
    ARTICLES.forEach(index::add);
    index.commit();
  }

  @AfterAll
  static void close() {
    index.close();
  }

  private static final SearchOptions ARTICLES_ONLY = SearchOptions.defaults().withPerArticle(1);

  private static List<String> articleIds(SearchResults results) {
    return results.articles().stream().map(ArticleHit::articleId).toList();
  }

  private static Set<String> articleSet(SearchResults results) {
    return Set.copyOf(articleIds(results));
  }

  private static Set<String> split(String list) {
    return list.isBlank() ? Set.of() : Set.of(list.strip().split("\\s+"));
  }

  @ParameterizedTest(name = "{0} from={1} to={2} source={3} category={4} → {5}")
  @CsvSource(delimiter = '|', textBlock = """
      Mali    |            |            |         |          | mali onu-2021 mali-2020
      Mali    | 2021-01-01 |            |         |          | mali onu-2021
      Mali    |            | 2021-03-09 |         |          | mali-2020
      Mali    | 2021-03-10 | 2021-03-10 |         |          | onu-2021
      Mali    |            |            | AFP     |          | mali onu-2021 mali-2020
      Mali    |            |            | Reuters |          |
      Mali    |            |            |         | ECONOMIE | onu-2021
      Mali    |            |            |         | monde    | mali mali-2020
      Mali    | 2021-01-01 |            | afp     | Monde    | mali
      région  |            |            |         |          | ghana
      région  | 2000-01-01 |            |         |          |
      région  |            |            | reuters |          | ghana
      """)
  void filtersKeepTheArticlesOfTheirDatesSourcesAndCategoriesAndDatesLeaveOutUndated(
      String query, LocalDate from, LocalDate to, String source, String category, String expected) {
    SearchOptions options = ARTICLES_ONLY.withDates(from, to)
        .withSources(source == null ? Set.of() : Set.of(source))
        .withCategories(category == null ? Set.of() : Set.of(category));
    assertEquals(split(expected == null ? "" : expected), articleSet(index.search(query, options)));
  }

  @Test
  void severalSourcesSelectAnyOfThem() {
    assertEquals(Set.of("mali", "onu-2021", "mali-2020", "ghana"), articleSet(index.search("semaine OR Mali",
        ARTICLES_ONLY.withSources(Set.of("Reuters", "AFP")))));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      NEWEST_FIRST | mali onu-2021 mali-2020 ghana
      OLDEST_FIRST | mali-2020 onu-2021 mali ghana
      """)
  void dateSortsOrderByDateWithUndatedArticlesLast(SearchOptions.Sort sort, String expected) {
    SearchResults r = index.search("Mali OR région", ARTICLES_ONLY.withSort(sort));
    assertEquals(List.of(expected.split(" ")), articleIds(r));
    assertTrue(r.hits().stream().allMatch(h -> h.score() > 0), "date sorts keep the scores");
  }

  @Test
  void facetsCountEachMatchingArticleOnceMergingSpellingsOfOneName() {
    SearchResults r = index.search("Mali", SearchOptions.defaults().withFacets(true));
    String facets = r.facets().stream()
        .map(f -> f.name() + ": " + f.values().stream().map(v -> v.value() + " " + v.count())
            .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("\n"));
    assertEquals("""
        source: AFP 3
        category: Monde 2, Économie 1
        year: 2020 1, 2021 1, 2022 1
        month: 2020-08 1, 2021-03 1, 2022-11 1""", facets);
    assertTrue(SearchOptions.defaults().facets() == false && index.search("Mali").facets().isEmpty());
  }

  @Test
  void groupingShowsAtMostNPassagesPerArticleAndCountsTheOthers() {
    SearchResults r = index.search("Mali", SearchOptions.defaults().withPerArticle(2));
    ArticleHit mali = r.articles().stream().filter(a -> a.articleId().equals("mali")).findFirst().orElseThrow();
    assertEquals(2, mali.passages().size());
    assertEquals(3, mali.matchingPassages(), "the title holds Mali: every passage matches");
    assertEquals(mali.passages().getFirst().score(), mali.score());
    assertEquals(r.articles().stream().mapToInt(a -> a.passages().size()).sum(), r.hits().size());
    for (int k = 0; k < r.articles().size(); k++) {
      assertEquals(k + 1, r.articles().get(k).rank());
    }
  }

  @Test
  void anArticlesPassagesRankedFarBelowItsBestAreStillShown(@TempDir Path other) {
    try (DepecheIndex many = DepecheIndex.openForWriting(other)) {
      many.add(Article.builder("long")
          .paragraph("Bamako, Bamako, Bamako.")
          .paragraph("Un long paragraphe qui ne cite qu'une fois la capitale, Bamako, parmi beaucoup "
              + "d'autres mots sans rapport avec elle, pour que son score soit le plus bas de tous.")
          .build());
      for (int k = 0; k < 2 * SearchOptions.DEFAULT_LIMIT; k++) {
        many.add(Article.builder("short-" + k).paragraph("Bamako, Bamako.").build());
      }
      many.commit();
      // Each passage alone: in its article's context, a short article would come first.
      SearchResults r = many.search("Bamako", SearchOptions.defaults().withLimit(1).withPerArticle(2)
          .withRanking(Ranking.defaults().withArticleWeight(0)));
      assertEquals(List.of("long#0", "long#1"),
          r.articles().getFirst().passages().stream().map(PassageHit::passageId).toList());
      assertEquals("long#1", r.hits().getLast().passageId());
    }
  }

  @Test
  void withoutGroupingEveryPassageIsListed() {
    SearchResults r = index.search("Mali");
    assertTrue(r.articles().isEmpty());
    assertEquals(r.totalHits(), r.hits().size());
  }

  @Test
  void theLimitCountsArticlesWhenGrouped() {
    SearchResults r = index.search("Mali", SearchOptions.defaults().withPerArticle(1).withLimit(2));
    assertEquals(2, r.articles().size());
    assertEquals(2, r.hits().size());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Heapey                  | Heappey
      Bamacko                 | Bamako
      responsabilite Bamacko  | responsabilite Bamako
      "forces armees" Heapey  | "forces armees" Heappey
      Bamako                  |
      title:Bamacko           |
      """)
  void suggestsTheIndexsOwnWordsAsWrittenForMisspelledWords(String query, String suggestion) {
    assertEquals(suggestion, index.search(query).suggestion());
  }

  @Test
  void aFilterThatLeavesNoPassageDoesNotMakeACorrectWordLookMisspelled() {
    SearchResults r = index.search("Heappey", SearchOptions.defaults().withDates(LocalDate.of(2030, 1, 1), null));
    assertEquals(0, r.totalHits());
    assertNull(r.suggestion());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      britanniq*   | mali#2                      | britannique
      milit*       | mali-2020#0 mali-2020#1     | militaire
      Royaume-U*   | mali#0 mali#1 mali#2        | Royaume-Uni
      sécu*        | onu-2021#1                  | sécurité
      l'arm*       | mali#0 mali#2 ghana#1       | armée
      """)
  void prefixesFindTheWordsThatBeginWithThemThoughTheIndexHoldsStems(String query, String passages,
      String highlighted) {
    SearchResults r = index.search(query);
    assertEquals(split(passages), r.hits().stream().map(PassageHit::passageId).collect(Collectors.toSet()));
    assertTrue(r.hits().stream().anyMatch(h -> h.snippet().toHtml().contains("<em>" + highlighted + "</em>")),
        r.hits().toString());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ONU              | mali#0 onu-2021#0
      Nations unies    | mali#0 onu-2021#0
      "nations unies"  | mali#0 onu-2021#0
      """)
  void defaultSynonymsFindEquivalentsAndMultiWordOnesAsPhrases(String query, String passages) {
    assertEquals(split(passages),
        index.search(query).hits().stream().map(PassageHit::passageId).collect(Collectors.toSet()));
  }

  @Test
  void withoutSynonymsAQueryFindsOnlyItsOwnWords() {
    SearchResults r = index.search("ONU", SearchOptions.defaults().withSynonyms(Synonyms.none()));
    assertEquals(List.of("mali#0"), r.hits().stream().map(PassageHit::passageId).toList());
  }

  @Test
  void synonymsOfAFileAreComparedAsTheAnalyzerSeesThem() {
    Synonyms mine = Synonyms.parse("# capitals\nBamako, capitale malienne\n", "mine");
    assertEquals(2, mine.size());
    SearchResults r = index.search("Capitales maliennes", SearchOptions.defaults().withSynonyms(mine));
    assertEquals(Set.of("mali#1", "mali-2020#0", "mali-2020#1"), // Bamako is mali-2020's title
        r.hits().stream().map(PassageHit::passageId).collect(Collectors.toSet()));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ONU                  | mine:1: expected two or more equivalents separated by commas
      ONU, , UN            | mine:1: expected two or more equivalents separated by commas
      ONU, Nations unies\\nle, la | mine:2: 'le' holds only stop words
      """)
  void aBadSynonymsLineIsNamed(String text, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Synonyms.parse(text.replace("\\n", "\n"), "mine"));
    assertEquals(message, e.getMessage());
  }

  @Test
  void similarPassagesComeFromOtherArticles() {
    SearchResults r = index.similar("mali-2020#0", SearchOptions.defaults());
    assertFalse(r.hits().isEmpty());
    assertTrue(r.hits().stream().noneMatch(h -> h.articleId().equals("mali-2020")), r.hits().toString());
    assertEquals("onu-2021#0", r.hits().getFirst().passageId(), "the other transition au Mali");
  }

  @Test
  void similarToAnUnknownPassageIsNamed() {
    NoSuchPassageException e = assertThrows(NoSuchPassageException.class,
        () -> index.similar("mali#99", SearchOptions.defaults()));
    assertEquals("no passage mali#99 in the index", e.getMessage());
  }

  @Test
  void explanationsAddUpToTheScoreAndNameTheBonus() {
    SearchResults r = index.search("responsabilité Bamako", SearchOptions.defaults().withExplain(true));
    PassageHit best = r.hits().getFirst();
    ScoreExplanation e = best.explanation();
    assertNotNull(e);
    assertEquals(best.score(), e.value(), 1e-3);
    assertTrue(e.details().stream().anyMatch(d -> d.description().startsWith("bonus: every word")), e.toString());
    assertTrue(e.details().stream().anyMatch(d -> d.description().startsWith("article context:")), e.toString());
    assertTrue(e.details().stream().anyMatch(d -> d.description().startsWith("re-scoring:")), e.toString());
    assertEquals(e.value(), (float) e.details().stream().mapToDouble(ScoreExplanation::value).sum(), 1e-3);
    assertTrue(e.toString().contains("text:bamako"), e.toString());
    assertNull(index.search("Bamako").hits().getFirst().explanation());
  }
}
