package org.depeche.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.depeche.PassageHit;
import org.depeche.Quote;
import org.depeche.SearchOptions;
import org.depeche.SpeakerCount;
import org.depeche.index.Schema;

/**
 * Reads the quotations stored with the passages: those of the passages a search finds, all of them
 * in index order, and who is quoted how often.
 *
 * <p>Stateless and thread-safe; each call works on the searcher it is given.
 */
public final class QuoteSearch {
  private QuoteSearch() {}

  /**
   * Returns the quotations of the passages that best match {@code query}, at most {@code
   * options.limit()}, in the order of their passages; with a speaker, only that speaker's; with a
   * blank query and no speaker, every quotation in index order.
   *
   * @throws org.depeche.QuerySyntaxException when the query is malformed
   */
  public static List<Quote> quotes(IndexSearcher searcher, Analyzer analyzer, String query, SearchOptions options)
      throws IOException {
    List<Quote> quotes = new ArrayList<>();
    if (options.speaker() == null && query.isBlank()) {
      StoredFields stored = searcher.storedFields();
      TermQuery quoted = new TermQuery(new Term(Schema.QUOTED, Schema.QUOTED_YES));
      for (ScoreDoc sd : searcher.search(quoted, options.limit(), Sort.INDEXORDER).scoreDocs) {
        for (Quote q : of(stored.document(sd.doc))) {
          if (quotes.size() < options.limit()) {
            quotes.add(q);
          }
        }
      }
      return quotes;
    }
    SearchOptions passages = options.withSnippets(false).withPerArticle(0).withFacets(false).withExplain(false);
    for (PassageHit hit : PassageSearch.search(searcher, analyzer, query, passages).hits()) {
      for (Quote q : hit.quotes()) {
        if (quotes.size() < options.limit()
            && (options.speaker() == null || SpeakerQuery.matches(q.speaker(), options.speaker()))) {
          quotes.add(q);
        }
      }
    }
    return quotes;
  }

  /** Returns who is quoted and how often, most quoted first, then by name; unattributed quotes aside. */
  public static List<SpeakerCount> speakers(IndexSearcher searcher) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    StoredFields stored = searcher.storedFields();
    Weight weight = searcher.createWeight(searcher.rewrite(
        new TermQuery(new Term(Schema.QUOTED, Schema.QUOTED_YES))), ScoreMode.COMPLETE_NO_SCORES, 1);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator docs = scorer.iterator();
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (live == null || live.get(d)) {
          for (String speaker : stored.document(leaf.docBase + d, Set.of(Schema.QUOTE_SPEAKER))
              .getValues(Schema.QUOTE_SPEAKER)) {
            if (!speaker.isEmpty()) {
              counts.merge(speaker, 1L, Long::sum);
            }
          }
        }
      }
    }
    return counts.entrySet().stream()
        .map(e -> new SpeakerCount(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(SpeakerCount::quotes).reversed().thenComparing(SpeakerCount::speaker))
        .toList();
  }

  /** Returns the quotations stored on a passage's document. */
  static List<Quote> of(Document doc) {
    String[] texts = doc.getValues(Schema.QUOTE_TEXT);
    if (texts.length == 0) {
      return List.of();
    }
    String[] speakers = doc.getValues(Schema.QUOTE_SPEAKER);
    String[] roles = doc.getValues(Schema.QUOTE_ROLE);
    String date = doc.get(Schema.DATE);
    List<Quote> quotes = new ArrayList<>(texts.length);
    for (int i = 0; i < texts.length; i++) {
      quotes.add(new Quote(texts[i], speakers[i].isEmpty() ? null : speakers[i], roles[i].isEmpty() ? null : roles[i],
          doc.get(Schema.PASSAGE_ID), doc.get(Schema.ARTICLE_ID), doc.get(Schema.TITLE),
          date == null ? null : LocalDate.parse(date)));
    }
    return quotes;
  }
}
