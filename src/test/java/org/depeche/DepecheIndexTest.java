package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.depeche.IndexUnavailableException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DepecheIndexTest {

  /** Three paragraphs of the seed article (corpus/royaume-uni-retrait-mali.txt #1, #2, #3). */
  private static final Article MALI = Article.builder("mali")
      .title("Le Royaume-Uni va retirer ses troupes du Mali plus tôt que prévu")
      .date(LocalDate.of(2022, 11, 15))
      .source("AFP")
      .url("https://example.org/mali")
      .paragraph("« Le contingent du Royaume-Uni quittera (la Mission de la paix de l’ONU) plus tôt que "
          + "prévu », a indiqué le secrétaire d’Etat aux forces armées James Heappey devant la Chambre "
          + "des Communes.")
      .paragraph("« Nous devons être clairs sur le fait que la responsabilité de tout cela incombe à "
          + "Bamako », a-t-il ajouté, évoquant le rapprochement de la junte au pouvoir depuis 2020 avec "
          + "les Russes.")
      .paragraph("Le gouvernement britannique « ne peut pas déployer l’armée nationale pour assurer la "
          + "sécurité quand le gouvernement du pays hôte n’a pas la volonté de travailler avec nous pour "
          + "apporter une stabilité et une sécurité durables », a insisté Heappey.")
      .build();

  private static final Article GHANA = Article.builder("ghana")
      .title("Sommet régional à Accra")
      .source("Reuters")
      .paragraph("Les acteurs de la région doivent se réunir la semaine prochaine au Ghana, pour "
          + "coordonner leur réponse à l’instabilité dans la région du Sahel.")
      .paragraph("Les armées de la région et leurs forces spéciales seront représentées à Accra.")
      .build();

  @TempDir Path dir;

  private final List<DepecheIndex> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(DepecheIndex::close);
  }

  private DepecheIndex writable() {
    DepecheIndex index = DepecheIndex.openForWriting(dir);
    opened.add(index);
    return index;
  }

  private DepecheIndex indexOf(Article... articles) {
    DepecheIndex index = writable();
    for (Article a : articles) {
      index.add(a);
    }
    index.commit();
    return index;
  }

  private static List<String> ids(SearchResults results) {
    return results.hits().stream().map(PassageHit::passageId).toList();
  }

  private static Article article(String id, String title, String... paragraphs) {
    Article.Builder b = Article.builder(id).title(title);
    for (String p : paragraphs) {
      b.paragraph(p);
    }
    return b.build();
  }

  @Test
  void searchBySpeakerFindsOnlyPassagesQuotingThatPersonRankedByTheQuery() {
    DepecheIndex index = indexOf(MALI, GHANA);
    for (String name : List.of("Heappey", "james heappey", "HEAPPEY", "Héappey")) {
      SearchResults results = index.search("Bamako", SearchOptions.defaults().withSpeaker(name));
      assertEquals(List.of("mali#1"), ids(results), name);
    }
    assertEquals(List.of("mali#0", "mali#1", "mali#2"),
        ids(index.search("", SearchOptions.defaults().withSpeaker("Heappey"))));
    assertEquals(List.of(), ids(index.search("", SearchOptions.defaults().withSpeaker("Heappey James"))));
    assertEquals(List.of(), ids(index.search("Accra", SearchOptions.defaults().withSpeaker("Heappey"))));
    assertThrows(QuerySyntaxException.class, () -> index.search("", SearchOptions.defaults()));
    assertThrows(QuerySyntaxException.class,
        () -> index.search("Mali", SearchOptions.defaults().withSpeaker(" - ")));
  }

  @Test
  void hitsCarryTheQuotationsOfTheirPassage() {
    DepecheIndex index = indexOf(MALI, GHANA);
    PassageHit hit = index.search("responsabilité Bamako").hits().getFirst();
    assertEquals("mali#1", hit.passageId());
    assertEquals(List.of(new Quote("Nous devons être clairs sur le fait que la responsabilité de tout cela "
        + "incombe à Bamako", "James Heappey", "secrétaire d’Etat aux forces armées", "mali#1", "mali",
        MALI.title(), MALI.date())), hit.quotes());
    assertEquals(List.of(), index.search("Accra").hits().getFirst().quotes());
  }

  @Test
  void quotesAreFoundByQueryBySpeakerOrAllInIndexOrder() {
    DepecheIndex index = indexOf(MALI, GHANA);
    List<Quote> all = index.quotes("", SearchOptions.defaults());
    assertEquals(List.of("mali#0", "mali#1", "mali#2"), all.stream().map(Quote::passageId).toList());
    assertTrue(all.stream().allMatch(q -> q.speaker().equals("James Heappey")));
    assertEquals(List.of("mali#2"),
        index.quotes("sécurité", SearchOptions.defaults().withSpeaker("heappey")).stream().map(Quote::passageId).toList());
    assertEquals(List.of(), index.quotes("", SearchOptions.defaults().withSpeaker("Dupont")));
    assertEquals(2, index.quotes("", SearchOptions.defaults().withLimit(2)).size());
  }

  @Test
  void speakersAreCountedMostQuotedFirstAndReplacedArticlesCountOnce() {
    DepecheIndex index = indexOf(MALI, GHANA, Article.builder("autre")
        .paragraph("« Nous restons au Sahel », a déclaré la ministre Florence Parly.")
        .build());
    index.add(MALI);
    index.commit();
    assertEquals(List.of(new SpeakerCount("James Heappey", 3), new SpeakerCount("Florence Parly", 1)),
        index.speakers());
  }

  @Test
  void findsThePassageOfTheRightArticleWithItsMetadata() {
    DepecheIndex index = indexOf(MALI, GHANA);
    SearchResults results = index.search("responsabilité Bamako");

    assertEquals(List.of("mali#1"), ids(results));
    assertEquals(1, results.totalHits());
    PassageHit hit = results.hits().getFirst();
    assertEquals(1, hit.rank());
    assertEquals("mali", hit.articleId());
    assertEquals(1, hit.passage());
    assertEquals(MALI.title(), hit.title());
    assertEquals(LocalDate.of(2022, 11, 15), hit.date());
    assertEquals("AFP", hit.source());
    assertEquals("https://example.org/mali", hit.url());
    assertEquals(MALI.paragraphs().get(1), hit.text());
    assertTrue(hit.snippet().toHtml().contains("<em>responsabilité</em>"), hit.snippet().toHtml());
    assertEquals(List.of("ghana#0"), ids(index.search("Ghana")));
    PassageHit ghana = index.search("Ghana").hits().getFirst();
    assertEquals("Reuters", ghana.source());
    assertEquals(null, ghana.date(), "no date given, none shown");
    assertEquals(null, ghana.url());
  }

  @Test
  void addFilesOnTwoThreadsKeepsTheLastArticleReadOfEachId(@TempDir Path input) throws Exception {
    // 300 ids, each written 4 times: on two threads, the last one read must still win.
    StringBuilder jsonl = new StringBuilder();
    for (String version : List.of("premiere", "deuxieme", "troisieme", "derniere")) {
      for (int id = 0; id < 300; id++) {
        jsonl.append("{\"id\":\"a").append(id).append("\",\"text\":\"La ").append(version)
            .append(" version de l'article ").append(id).append(".\"}\n");
      }
    }
    Path file = Files.writeString(input.resolve("a.jsonl"), jsonl);
    DepecheIndex index = writable();

    IndexingSummary summary = index.addFiles(List.of(file), IndexingListener.SILENT, 2);

    assertEquals(300, summary.articles(), "each id counts once, added or updated");
    assertEquals(300, index.stats().articles());
    assertEquals(300, index.search("derniere").totalHits());
    assertEquals(0, index.search("premiere OR deuxieme OR troisieme").totalHits());
  }

  @Test
  void matchesAreCountedExactlyUpToTheLimitAndAsALowerBoundAbove() {
    DepecheIndex index = writable();
    for (int i = 0; i <= SearchResults.TOTAL_HITS_COUNTED; i++) {
      index.add(Article.builder("n" + i).paragraph(i % 2 == 0 ? "Bamako et Mali." : "Mali.").build());
    }
    index.commit();

    SearchResults all = index.search("Mali");
    SearchResults half = index.search("Bamako");

    assertTrue(all.totalHits() > SearchResults.TOTAL_HITS_COUNTED, "at least 1,001: " + all.totalHits());
    assertTrue(!all.totalHitsExact());
    assertEquals(SearchResults.TOTAL_HITS_COUNTED / 2 + 1, half.totalHits());
    assertTrue(half.totalHitsExact());
  }

  @Test
  void reAddingAnArticleWithTheSameIdReplacesIt() {
    DepecheIndex index = indexOf(MALI, GHANA);
    Article shorter = Article.builder("mali").title("Retrait du Mali")
        .paragraph("Le Royaume-Uni retire ses troupes du Mali.").build();
    index.add(shorter);
    index.commit();
    index.add(shorter);
    index.commit();

    assertEquals(List.of("mali#0"), ids(index.search("troupes")));
    assertEquals(List.of(), ids(index.search("Heappey")), "the old passages are gone");
    IndexStats stats = index.stats();
    assertEquals(2, stats.articles());
    assertEquals(3, stats.passages());
  }

  @Test
  void searchesSeeOnlyCommittedArticles() {
    DepecheIndex index = indexOf(GHANA);
    index.add(MALI);
    assertEquals(0, index.search("Heappey").totalHits(), "before commit");
    assertEquals(1, index.stats().articles());

    index.commit();
    assertEquals(2, index.search("Heappey").totalHits());
    assertEquals(2, index.stats().articles());
  }

  @Test
  void aReaderOpenedBeforeACommitSeesItsArticlesAfterARefresh() {
    DepecheIndex writer = indexOf(GHANA);
    try (DepecheIndex reader = DepecheIndex.open(dir)) {
      assertEquals(0, reader.search("Heappey").totalHits());
      writer.add(MALI);
      writer.commit();
      reader.refresh();
      assertEquals(2, reader.search("Heappey").totalHits());
    }
  }

  @Test
  void aReaderOpenedBeforeACommitSeesItsArticlesWithinTheRefreshInterval() throws Exception {
    DepecheIndex writer = indexOf(GHANA);
    try (DepecheIndex reader = DepecheIndex.open(dir)) {
      assertEquals(0, reader.search("Heappey").totalHits());
      writer.add(MALI);
      writer.commit();
      Thread.sleep(TimeUnit.NANOSECONDS.toMillis(DepecheIndex.REFRESH_EVERY_NANOS) + 50);
      assertEquals(2, reader.search("Heappey").totalHits());
    }
  }

  @Test
  void closingWithoutCommitKeepsNothingOfWhatWasAdded() {
    try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
      index.add(MALI);
    }
    try (DepecheIndex index = DepecheIndex.open(dir)) {
      assertEquals(0, index.search("Heappey").totalHits());
      assertEquals(0, index.stats().articles());
    }
  }

  @Test
  void openingAnEmptyDirectoryReportsAMissingIndex() {
    IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> DepecheIndex.open(dir));
    assertEquals(Reason.MISSING, e.reason());
    assertEquals(dir, e.path());
    assertEquals("no index at " + dir + "; run 'depeche index' first", e.getMessage());
  }

  @Test
  void openingADirectoryThatDoesNotExistReportsAMissingIndex() {
    Path nowhere = dir.resolve("nowhere");
    IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> DepecheIndex.open(nowhere));
    assertEquals(Reason.MISSING, e.reason());
    assertEquals("no index at " + nowhere + "; run 'depeche index' first", e.getMessage());
    assertTrue(Files.notExists(nowhere), "open does not create the directory");
  }

  @Test
  void aSecondWriterOnTheSameIndexIsRefusedAsLocked() {
    DepecheIndex first = indexOf(MALI);
    IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> DepecheIndex.openForWriting(dir));
    assertEquals(Reason.LOCKED, e.reason());
    assertEquals("index " + dir + " is being written by another process", e.getMessage());
    try (DepecheIndex reader = DepecheIndex.open(dir)) {
      assertEquals(1, reader.search("Bamako").totalHits(), "readers are not locked out");
    }

    first.close();
    opened.remove(first);
    DepecheIndex second = writable();
    assertEquals(1, second.search("Bamako").totalHits());
  }

  @Test
  void aDirectoryHoldingOtherFilesIsRefusedAsIncompatible() throws Exception {
    Files.writeString(dir.resolve("notes.txt"), "pas un index");
    IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> DepecheIndex.openForWriting(dir));
    assertEquals(Reason.INCOMPATIBLE, e.reason());
    assertEquals(dir + " is not empty and holds no depeche index; give an empty or new directory", e.getMessage());
    assertEquals(List.of(dir.resolve("notes.txt")), Files.list(dir).toList(), "nothing was written");
  }

  @Test
  void aFileInsteadOfADirectoryIsRefusedAsIncompatible() throws Exception {
    Path file = Files.writeString(dir.resolve("index"), "");
    IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> DepecheIndex.openForWriting(file));
    assertEquals(Reason.INCOMPATIBLE, e.reason());
  }

  @Test
  void aLuceneIndexDepecheDidNotWriteIsRefusedAsIncompatible() throws Exception {
    try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new TextField("body", "un autre index", Field.Store.NO));
      w.addDocument(doc);
      w.commit();
    }
    for (var opener : List.<java.util.function.Function<Path, DepecheIndex>>of(
        DepecheIndex::open, DepecheIndex::openForWriting)) {
      IndexUnavailableException e = assertThrows(IndexUnavailableException.class, () -> opener.apply(dir));
      assertEquals(Reason.INCOMPATIBLE, e.reason());
      assertEquals(dir + " holds a Lucene index that depeche did not write", e.getMessage());
    }
  }

  @Test
  void statsCountArticlesPassagesTermsAndSize() {
    Instant before = Instant.now().minusSeconds(1);
    DepecheIndex index = indexOf(MALI, GHANA);
    IndexStats stats = index.stats();
    assertEquals(2, stats.articles());
    assertEquals(5, stats.passages());
    assertTrue(stats.terms() > 40, "terms: " + stats.terms());
    assertTrue(stats.sizeBytes() > 0);
    assertEquals("depeche", stats.analyzer());
    assertNotNull(stats.lastCommit());
    assertTrue(!stats.lastCommit().isBefore(before), stats.lastCommit().toString());
  }

  @Test
  void aNewIndexHasCommittedEmptyStats() {
    IndexStats stats = writable().stats();
    assertEquals(0, stats.articles());
    assertEquals(0, stats.passages());
    assertEquals(0, stats.terms());
    assertEquals("depeche", stats.analyzer());
    assertNotNull(stats.lastCommit());
    assertTrue(DepecheIndex.exists(dir));
  }

  @Test
  void passagesHoldingEveryWordRankAboveThoseHoldingOne() {
    DepecheIndex index = indexOf(
        article("a", "Un", "Bamako, Bamako, Bamako : la capitale malienne Bamako vit au rythme de Bamako."),
        article("b", "Deux", "Une longue enquête parue hier établit enfin où se trouve la responsabilité "
            + "du drame survenu la semaine dernière, à Bamako, selon les enquêteurs de la police."),
        article("c", "Trois", "La responsabilité. Responsabilité, responsabilité !"));
    SearchResults results = index.search("responsabilité Bamako");
    assertEquals("b#0", results.hits().getFirst().passageId());
    assertEquals(3, results.totalHits());
    assertTrue(results.hits().get(0).score() > results.hits().get(1).score());
  }

  @Test
  void aMatchInTheTitleCounts() {
    DepecheIndex index = indexOf(
        article("sans", "Les nouvelles du jour", "Le retrait des troupes a commencé hier."),
        article("avec", "Le Mali après Barkhane", "Le retrait des troupes a commencé hier."));
    assertEquals(List.of("avec#0", "sans#0"), ids(index.search("retrait Mali")));
    assertEquals(List.of("avec#0"), ids(index.search("Barkhane")), "found by its title alone");
    assertEquals(List.of("avec#0"), ids(index.search("title:Barkhane")));
    assertEquals(List.of("avec#0"), ids(index.search("titre:« Mali après Barkhane »")));
    assertEquals(List.of(), ids(index.search("title:retrait")));
  }

  @Test
  void aTitlePrefixFindsTheWordsOrPhraseInTheTitleOnly() {
    DepecheIndex index = indexOf(
        article("phrase", "Le trafic de drogue à Marseille", "La police a saisi deux tonnes.",
            "Les enquêteurs poursuivent leur travail."),
        article("serre", "Trafic, drogue et police", "Un rapport sur la police parisienne."),
        article("bord", "Drogue saisie", "Un rapport sur le trafic."),
        Article.builder("sans").paragraph("Le trafic de drogue recule selon la police.").build());
    assertEquals(List.of("phrase#0", "phrase#1"), sorted(index.search("title:« trafic de drogue »")));
    assertEquals(List.of("serre#0"), sorted(index.search("title:« trafic drogue »")),
        "a phrase keeps the stop word's gap, neither more nor less");
    assertEquals(List.of("bord#0", "phrase#0", "phrase#1", "serre#0"), sorted(index.search("title:drogue")));
    assertEquals(List.of(), ids(index.search("title:recule")), "an article without a title");
    assertEquals(List.of(), ids(index.search("title:« trafic drogue saisie »")),
        "no phrase from the passage's end into the title");
    assertEquals(List.of("phrase#0", "serre#0"), ids(index.search("police title:drogue")).subList(0, 2)
        .stream().sorted().toList(), "the passages holding both come first");
    assertEquals(List.of("sans#0"), ids(index.search("police -title:drogue")));
    assertEquals(List.of("bord#0", "phrase#0", "phrase#1", "serre#0"), sorted(index.search("title:drog*")));
  }

  @Test
  void excludedWordsRemovePassages() {
    DepecheIndex index = indexOf(MALI, GHANA);
    assertEquals(List.of("ghana#1", "mali#0", "mali#2"), sorted(index.search("forces OR Heappey")));
    assertEquals(List.of("mali#0", "mali#2"), sorted(index.search("forces OR Heappey -Accra")));
    assertEquals(List.of("ghana#1"), sorted(index.search("forces -Heappey")));
    assertEquals(List.of("ghana#1"), sorted(index.search("forces -\"James Heappey\"")));
  }

  @Test
  void orFindsPassagesHoldingEitherWord() {
    DepecheIndex index = indexOf(MALI, GHANA);
    assertEquals(List.of("ghana#0"), ids(index.search("Ghana")));
    assertEquals(List.of("mali#1"), ids(index.search("Bamako")));
    assertEquals(List.of("ghana#0", "mali#1"), sorted(index.search("Ghana OR Bamako")));
  }

  @Test
  void aQuotedPhraseMatchesOnlyTheWordsInThatOrder() {
    DepecheIndex index = indexOf(MALI, GHANA);
    // mali#0 says « forces armées »; ghana#1 has « armées » and « forces » apart; mali#2 has « armée ».
    SearchResults words = index.search("forces armées");
    assertEquals(3, words.totalHits());
    assertEquals(List.of("ghana#1", "mali#0"), ids(words).subList(0, 2).stream().sorted().toList());
    assertEquals(List.of("mali#0"), ids(index.search("« forces armées »")));
    assertEquals(List.of("mali#0"), ids(index.search("\"forces armees\"")));
    assertEquals(List.of("mali#0"), ids(index.search("“forces armées”")));
    assertEquals(List.of(), ids(index.search("« armées forces »")));
  }

  @Test
  void aHyphenatedWordFindsTheWordWithItsHyphenWrittenTogetherOrAsTwoWords() {
    DepecheIndex index = indexOf(
        article("trait", "Un", "Le Royaume-Uni retire ses troupes."),
        article("ensemble", "Deux", "Le RoyaumeUni retire ses troupes."),
        article("espace", "Trois", "Le Royaume Uni retire ses troupes."));
    assertEquals(List.of("ensemble#0", "espace#0", "trait#0"), sorted(index.search("Royaume-Uni")));
    assertEquals(List.of("ensemble#0", "trait#0"), sorted(index.search("RoyaumeUni")));
    assertEquals(List.of("espace#0", "trait#0"), sorted(index.search("« royaume uni »")));
  }

  @Test
  void aHyphenatedWordWeighsAsThePhraseOfItsPartsNotMore() {
    DepecheIndex index = indexOf(
        article("trait", "Un", "Le Royaume-Uni retire ses troupes."),
        article("ensemble", "Deux", "Le RoyaumeUni retire ses troupes."),
        article("espace", "Trois", "Le Royaume Uni retire ses troupes."));
    // Without proximity, which pairs the parts of an unquoted word but not those of a phrase.
    SearchOptions options = SearchOptions.defaults().withRanking(Ranking.defaults().withProximityWeight(0));
    PassageHit word = index.search("Royaume-Uni", options).hits().getFirst();
    PassageHit phrase = index.search("« royaume uni »", options).hits().getFirst();
    assertEquals("trait#0", word.passageId());
    assertEquals(phrase.score(), word.score(), 1e-4, "the joined form's IDF is not added to the parts'");
  }

  @Test
  void sourcePrefixLooksOnlyAtTheArticleSource() {
    DepecheIndex index = indexOf(MALI, GHANA);
    assertEquals(List.of("ghana#0", "ghana#1"), sorted(index.search("source:Reuters")));
    assertEquals(List.of("mali#0", "mali#1", "mali#2"), sorted(index.search("source:afp")));
    assertEquals(List.of("mali#1"), ids(index.search("Bamako source:AFP")).subList(0, 1));
    assertEquals(List.of(), ids(index.search("Bamako -source:AFP")));
  }

  @Test
  void aQueryOfStopWordsOnlyFindsNothing() {
    DepecheIndex index = indexOf(MALI, GHANA);
    SearchResults results = index.search("de la");
    assertEquals(0, results.totalHits());
    assertEquals(List.of(), results.hits());
  }

  @Test
  void aMalformedQueryThrowsQuerySyntaxException() {
    DepecheIndex index = indexOf(MALI);
    QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> index.search("« Bamako"));
    assertEquals("unclosed quote « at position 1", e.getMessage());
  }

  @Test
  void optionsLimitTheHitsAndCanSkipSnippets() {
    DepecheIndex index = indexOf(MALI, GHANA);
    SearchResults results = index.search("région OR Heappey", SearchOptions.defaults().withLimit(2).withSnippets(false));
    assertEquals(2, results.hits().size());
    assertEquals(4, results.totalHits());
    results.hits().forEach(h -> assertEquals(null, h.snippet()));
    assertThrows(IllegalArgumentException.class, () -> SearchOptions.defaults().withLimit(0));
  }

  @Test
  void anIndexOpenedForSearchingRefusesToAdd() {
    indexOf(MALI).close();
    opened.clear();
    try (DepecheIndex index = DepecheIndex.open(dir)) {
      assertThrows(IllegalStateException.class, () -> index.add(GHANA));
      assertThrows(IllegalStateException.class, index::commit);
    }
  }

  @Test
  void searchesFromManyThreadsRunWhileAnotherThreadAddsAndCommits() throws Exception {
    DepecheIndex index = indexOf(MALI);
    int searchers = 8;
    int articles = 60;
    ExecutorService pool = Executors.newFixedThreadPool(searchers + 1);
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<Long>> futures = new ArrayList<>();
    try {
      futures.add(pool.submit(() -> {
        start.await();
        try {
          for (int i = 0; i < articles; i++) {
            index.add(article("depeche-" + i, "Dépêche " + i,
                "Le Mali et Bamako, dépêche numéro " + i + ".", "Heappey parle encore, dépêche " + i + "."));
            if (i % 5 == 4) {
              index.commit();
            }
          }
          index.commit();
        } finally {
          writing.set(false);
        }
        return (long) articles;
      }));
      for (int t = 0; t < searchers; t++) {
        futures.add(pool.submit(() -> {
          start.await();
          long searches = 0;
          long seen = 0;
          do {
            SearchResults r = index.search("Bamako OR Heappey");
            assertTrue(r.totalHits() >= seen, "a later search never sees less: " + r.totalHits() + " < " + seen);
            // A committed state holds MALI's 3 matching passages and 5k articles of 2 each.
            assertEquals(0, (r.totalHits() - 3) % 10, "not a committed state: " + r.totalHits() + " hits");
            seen = r.totalHits();
            assertEquals(1, index.stats().articles() % 5, "not a committed state of articles");
            searches++;
          } while (writing.get() || searches < 20);
          return searches;
        }));
      }
      start.countDown();
      for (Future<Long> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1 + articles, index.search("Bamako").totalHits());
    assertEquals(1 + articles, index.stats().articles());
  }

  private static List<String> sorted(SearchResults results) {
    List<String> ids = new ArrayList<>(ids(results));
    Collections.sort(ids);
    return ids;
  }
}
