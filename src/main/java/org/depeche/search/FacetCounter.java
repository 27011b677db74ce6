package org.depeche.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;
import org.depeche.Facet;
import org.depeche.index.Schema;

/**
 * Counts the articles of the passages a query matches by source, category, year and month, from
 * doc values: each article once, however many of its passages match.
 *
 * <p>An article's passages are added together ({@code IndexWriter.updateDocuments}), so they sit in
 * one segment, and a bit per article ordinal of the segment tells an article already counted.
 * Sources and categories written differently ({@code AFP}, {@code afp}) are counted as one
 * {@linkplain Schema#key key}, shown as its most frequent spelling (on a tie, the one that sorts
 * first: capitals before lower case).
 *
 * <p>Stateless and thread-safe.
 */
final class FacetCounter {
  private FacetCounter() {}

  /** Returns the facets {@code source}, {@code category}, {@code year} and {@code month}. */
  static List<Facet> count(IndexSearcher searcher, Query query) throws IOException {
    Counts counts = searcher.search(query, new CollectorManager<Counts, Counts>() {
      @Override
      public Counts newCollector() {
        return new Counts();
      }

      @Override
      public Counts reduce(Collection<Counts> collectors) {
        Counts all = new Counts();
        collectors.forEach(all::addAll);
        return all;
      }
    });
    return List.of(
        new Facet("source", byCount(counts.sources)),
        new Facet("category", byCount(counts.categories)),
        new Facet("year", byTime(counts.years)),
        new Facet("month", byTime(counts.months)));
  }

  private static List<Facet.Value> byCount(Map<String, Long> bySpelling) {
    Map<String, Map<String, Long>> byKey = new HashMap<>();
    bySpelling.forEach((spelling, n) ->
        byKey.computeIfAbsent(Schema.key(spelling), k -> new HashMap<>()).put(spelling, n));
    List<Facet.Value> values = new ArrayList<>();
    for (Map<String, Long> spellings : byKey.values()) {
      String shown = spellings.entrySet().stream()
          .max(Map.Entry.<String, Long>comparingByValue()
              .thenComparing(Map.Entry.<String, Long>comparingByKey().reversed()))
          .orElseThrow().getKey();
      values.add(new Facet.Value(shown, spellings.values().stream().mapToLong(Long::longValue).sum()));
    }
    values.sort(Comparator.comparingLong(Facet.Value::count).reversed().thenComparing(Facet.Value::value));
    return values.subList(0, Math.min(Facet.MAX_VALUES, values.size()));
  }

  private static List<Facet.Value> byTime(TreeMap<String, Long> counts) {
    return counts.entrySet().stream().map(e -> new Facet.Value(e.getKey(), e.getValue())).toList();
  }

  /** The counts of one slice of the index. */
  private static final class Counts implements Collector {
    final Map<String, Long> sources = new HashMap<>();
    final Map<String, Long> categories = new HashMap<>();
    final TreeMap<String, Long> years = new TreeMap<>();
    final TreeMap<String, Long> months = new TreeMap<>();

    void addAll(Counts other) {
      other.sources.forEach((k, v) -> sources.merge(k, v, Long::sum));
      other.categories.forEach((k, v) -> categories.merge(k, v, Long::sum));
      other.years.forEach((k, v) -> years.merge(k, v, Long::sum));
      other.months.forEach((k, v) -> months.merge(k, v, Long::sum));
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      SortedDocValues articles = DocValues.getSorted(context.reader(), Schema.ARTICLE_ID);
      SortedDocValues sourceValues = DocValues.getSorted(context.reader(), Schema.SOURCE_FACET);
      SortedDocValues categoryValues = DocValues.getSorted(context.reader(), Schema.CATEGORY_FACET);
      NumericDocValues days = DocValues.getNumeric(context.reader(), Schema.DAY);
      FixedBitSet counted = new FixedBitSet(Math.max(1, articles.getValueCount()));
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          if (!articles.advanceExact(doc) || counted.getAndSet(articles.ordValue())) {
            return;
          }
          if (sourceValues.advanceExact(doc)) {
            sources.merge(sourceValues.lookupOrd(sourceValues.ordValue()).utf8ToString(), 1L, Long::sum);
          }
          if (categoryValues.advanceExact(doc)) {
            categories.merge(categoryValues.lookupOrd(categoryValues.ordValue()).utf8ToString(), 1L, Long::sum);
          }
          if (days.advanceExact(doc)) {
            LocalDate date = LocalDate.ofEpochDay(days.longValue());
            years.merge(String.valueOf(date.getYear()), 1L, Long::sum);
            months.merge(date.toString().substring(0, 7), 1L, Long::sum);
          }
        }
      };
    }
  }
}
