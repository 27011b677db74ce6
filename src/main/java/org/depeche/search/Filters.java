package org.depeche.search;

import java.util.List;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.depeche.SearchOptions;
import org.depeche.index.Schema;

/**
 * The filters of {@link SearchOptions} as one Lucene query that does not score: a date range on
 * {@link Schema#DAY} (which leaves out the articles without a date), and the sources and
 * categories compared as {@linkplain Schema#key keys}, and the speaker ({@link SpeakerQuery}).
 *
 * <p>{@code from 2022-01-01, sources [AFP, Reuters]} → {@code +day:[19093 TO MAX] +source_key:(afp
 * reuters)}.
 *
 * <p>Stateless and thread-safe.
 */
final class Filters {
  private Filters() {}

  /** Returns the filter of the options, or null when they filter nothing. */
  static Query of(SearchOptions options) {
    BooleanQuery.Builder filter = new BooleanQuery.Builder();
    boolean any = false;
    if (options.from() != null || options.to() != null) {
      long from = options.from() == null ? Long.MIN_VALUE : options.from().toEpochDay();
      long to = options.to() == null ? Long.MAX_VALUE : options.to().toEpochDay();
      filter.add(LongPoint.newRangeQuery(Schema.DAY, from, to), Occur.FILTER);
      any = true;
    }
    if (options.speaker() != null) {
      filter.add(SpeakerQuery.of(options.speaker()), Occur.FILTER);
      any = true;
    }
    if (!options.sources().isEmpty()) {
      filter.add(anyKey(Schema.SOURCE_KEY, options.sources()), Occur.FILTER);
      any = true;
    }
    if (!options.categories().isEmpty()) {
      filter.add(anyKey(Schema.CATEGORY_KEY, options.categories()), Occur.FILTER);
      any = true;
    }
    return any ? filter.build() : null;
  }

  private static Query anyKey(String field, Set<String> values) {
    List<BytesRef> keys = values.stream().map(v -> new BytesRef(Schema.key(v))).toList();
    return new TermInSetQuery(field, keys);
  }
}
