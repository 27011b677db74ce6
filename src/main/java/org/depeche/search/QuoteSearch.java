package org.depeche.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
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
import org.depeche.index.PassageRecord;
import org.depeche.index.QuoteValues;
import org.depeche.index.Schema;
import org.depeche.passage.quote.Quotation;

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
      TermQuery quoted = new TermQuery(new Term(Schema.QUOTED, Schema.QUOTED_YES));
      ScoreDoc[] docs = searcher.search(quoted, options.limit(), Sort.INDEXORDER).scoreDocs;
      int[] docIds = java.util.Arrays.stream(docs).mapToInt(sd -> sd.doc).toArray();
      PassageRecord[] records = PassageRecord.read(searcher.getIndexReader(), docIds);
      List<List<Quotation>> quotations = QuoteValues.read(searcher.getIndexReader(), docIds);
      for (int k = 0; k < docs.length; k++) {
        for (Quote q : of(quotations.get(k), records[k])) {
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
          for (Quotation q : QuoteValues.read(leaf.reader(), d)) {
            if (q.speaker() != null) {
              counts.merge(q.speaker(), 1L, Long::sum);
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

  /** Returns the quotations of a passage, whose record is {@code passage}, as the library shows them. */
  static List<Quote> of(List<Quotation> quotations, PassageRecord passage) {
    List<Quote> quotes = new ArrayList<>(quotations.size());
    for (Quotation q : quotations) {
      quotes.add(new Quote(q.text(), q.speaker(), q.role(), passage.passageId(), passage.articleId(),
          passage.title(), passage.date()));
    }
    return quotes;
  }
}
