package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.depeche.Article;
import org.depeche.DepecheIndex;
import org.depeche.analysis.FrenchNewsAnalyzer;
import org.depeche.index.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ArticleContext#rank} against the ranking as its javadoc defines it, computed here the
 * slow way (every match scored, article ids compared as strings), on two indexes read as one,
 * where some articles were replaced.
 */
class ArticleContextTest {
  private static final String[] WORDS = {
      "tigre", "sumatra", "réserve", "village", "garde", "poison", "ministre", "élection", "Mali",
      "Bamako", "militaire", "président", "police", "drogue", "trafic", "Dijon", "soir", "zoo"};
  private static final List<String> QUERIES = List.of(
      "tigre Sumatra poison", "militaires renversent le président du Mali", "trafic de drogue à Dijon",
      "zoo", "élection présidentielle au Mali et garde du village", "\"trafic de drogue\"");

  @TempDir static Path first;
  @TempDir static Path second;

  @BeforeAll
  static void index() {
    Random random = new Random(4);
    for (Path dir : List.of(first, second)) {
      try (DepecheIndex index = DepecheIndex.openForWriting(dir)) {
        // 150 ids, a third of them written twice: deleted blocks among the live ones.
        for (int a = 0; a < 200; a++) {
          int id = a < 150 ? a : 3 * (a - 150);
          index.add(Article.builder(dir.getFileName() + "-" + id).title(sentence(random, 4))
              .text(paragraphs(random)).build());
        }
        index.commit();
      }
    }
  }

  private static String paragraphs(Random random) {
    List<String> paragraphs = new ArrayList<>();
    for (int p = 1 + random.nextInt(8); p > 0; p--) {
      paragraphs.add(sentence(random, 3 + random.nextInt(12)));
    }
    return String.join("\n\n", paragraphs);
  }

  private static String sentence(Random random, int words) {
    StringBuilder s = new StringBuilder("Le");
    for (int w = 0; w < words; w++) {
      s.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
    }
    return s.append('.').toString();
  }

  @Test
  void ranksAsDefinedForEveryLimitAndWeight() throws IOException {
    // Two indexes read as one: several segments, the same ordinals standing for different articles.
    try (MultiReader reader = new MultiReader(DirectoryReader.open(FSDirectory.open(first)),
        DirectoryReader.open(FSDirectory.open(second)))) {
      assertTrue(reader.leaves().size() > 1, "several segments");
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(Schema.similarity());
      for (String text : QUERIES) {
        QueryCompiler.Compiled compiled = QueryCompiler.compile(QueryParser.parse(text), new FrenchNewsAnalyzer(),
            reader, true, 0.3f);
        Query onlySome = new BooleanQuery.Builder()
            .add(compiled.query(), Occur.MUST)
            .add(QueryCompiler.compile(QueryParser.parse("title:tigre"), new FrenchNewsAnalyzer(), reader, true, 0f)
                .query(), Occur.MUST_NOT)
            .build();
        for (Query passages : List.of(compiled.query(), onlySome)) {
          for (int limit : new int[] {1, 10, 100, 250}) {
            for (float weight : new float[] {0.5f, 10f}) {
              for (int countUpTo : new int[] {3, 1000, Integer.MAX_VALUE}) {
                String what = text + " / " + passages + " / limit " + limit + " / weight " + weight
                    + " / counted up to " + countUpTo;
                TopDocs got = ArticleContext.rank(searcher, passages, compiled.articleQuery(), weight, limit,
                    countUpTo);
                List<ScoreDoc> expected = byDefinition(searcher, passages, compiled.articleQuery(), weight, limit);
                assertEquals(expected.stream().map(sd -> sd.doc).toList(),
                    List.of(got.scoreDocs).stream().map(sd -> sd.doc).toList(), what);
                assertEquals(expected.stream().map(sd -> sd.score).toList(),
                    List.of(got.scoreDocs).stream().map(sd -> sd.score).toList(), what);
                // Exact up to the number counted, a lower bound past it.
                int matches = searcher.count(passages);
                assertEquals(Math.min(matches, countUpTo), Math.min(got.totalHits.value(), countUpTo), what);
                assertTrue(got.totalHits.value() <= matches, what);
              }
            }
          }
        }
      }
    }
  }

  /**
   * Every matching passage scores its own score, plus {@code weight} times its article's when its
   * article is among the best {@link ArticleContext#CANDIDATES} articles, whatever the limit; the
   * best {@code limit} of them, equal scores in document order.
   */
  private static List<ScoreDoc> byDefinition(IndexSearcher searcher, Query passages, Query articles, float weight,
      int limit) throws IOException {
    int depth = ArticleContext.CANDIDATES;
    Comparator<ScoreDoc> best = Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc);
    List<ScoreDoc> allArticles = sorted(searcher.search(articles, Integer.MAX_VALUE - 1).scoreDocs, best);
    Map<String, Float> articleScore = new HashMap<>();
    for (ScoreDoc sd : allArticles.subList(0, Math.min(depth, allArticles.size()))) {
      articleScore.put(articleId(searcher, sd.doc), sd.score);
    }
    List<ScoreDoc> combined = new ArrayList<>();
    for (ScoreDoc sd : searcher.search(passages, Integer.MAX_VALUE - 1).scoreDocs) {
      String article = articleId(searcher, sd.doc);
      combined.add(new ScoreDoc(sd.doc, sd.score + weight * articleScore.getOrDefault(article, 0f)));
    }
    List<ScoreDoc> ranked = sorted(combined.toArray(ScoreDoc[]::new), best);
    return ranked.subList(0, Math.min(limit, ranked.size()));
  }

  private static List<ScoreDoc> sorted(ScoreDoc[] docs, Comparator<ScoreDoc> order) {
    List<ScoreDoc> list = new ArrayList<>(List.of(docs));
    list.sort(order);
    return list;
  }

  private static String articleId(IndexSearcher searcher, int doc) throws IOException {
    SortedDocValues ids = MultiDocValues.getSortedValues(searcher.getIndexReader(), Schema.ARTICLE_ID);
    assertTrue(ids.advanceExact(doc));
    return ids.lookupOrd(ids.ordValue()).utf8ToString();
  }
}
