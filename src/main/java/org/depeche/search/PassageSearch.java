package org.depeche.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.depeche.ArticleHit;
import org.depeche.Facet;
import org.depeche.NoSuchPassageException;
import org.depeche.PassageHit;
import org.depeche.Quote;
import org.depeche.ScoreExplanation;
import org.depeche.SearchOptions;
import org.depeche.SearchResults;
import org.depeche.Snippet;
import org.depeche.index.PassageRecord;
import org.depeche.index.QuoteValues;
import org.depeche.index.Schema;
import org.depeche.passage.quote.Quotation;

/**
 * Runs a search on one index searcher with all of {@link SearchOptions}: filters, order, grouping
 * by article, facets, explanations, and a spelling suggestion; and finds the passages like a given
 * one.
 *
 * <p>Grouping walks the ranked passages, best first, and keeps the first {@code limit} articles met,
 * each with its first {@code perArticle} passages; it widens the window of ranked passages until it
 * has enough articles or has seen every match. How many passages of each article match is counted
 * apart, for "+3 more passages"; an article whose other passages rank beyond the window gets them
 * from a search of its own passages.
 *
 * <p>Stateless and thread-safe, given a thread-safe analyzer.
 */
public final class PassageSearch {
  /** The first window of ranked passages a grouped search reads, per article asked for. */
  static final int WINDOW_PER_ARTICLE = 8;

  /** The most terms of a passage that a search for similar passages looks for. */
  public static final int SIMILAR_TERMS = 25;

  private static final String BONUS_DESCRIPTION =
      "bonus: every word of the query is in the passage's own text";

  private static final String RESCORE_DESCRIPTION =
      "re-scoring: the passage's share of the query in its text, title and words as typed, and its place";

  private static final String ARTICLE_DESCRIPTION =
      "article context: the article's whole text, its BM25 score times the article weight";

  private PassageSearch() {}

  /**
   * Ranks the passages against a query; with a speaker in the options, the query may be blank.
   *
   * @throws org.depeche.QuerySyntaxException when the query is malformed, or blank without a speaker
   */
  public static SearchResults search(IndexSearcher searcher, Analyzer analyzer, String query,
      SearchOptions options) throws IOException {
    long started = System.nanoTime();
    if (options.speaker() != null && query.isBlank()) {
      // Every passage quoting the speaker (Filters adds the speaker), in index order.
      Found found = run(searcher, analyzer, new ConstantScoreQuery(new MatchAllDocsQuery()), null, null,
          Set.of(), null, options);
      return new SearchResults(query, found.totalHits(), elapsedMillis(started), found.hits(), found.articles(),
          found.facets(), null);
    }
    ParsedQuery parsed = QueryParser.parse(query);
    // Compiling, re-scoring and the suggestion ask for many of the same terms' counts.
    DocFreqs docFreqs = new DocFreqs(searcher.getIndexReader());
    QueryCompiler.Compiled compiled = QueryCompiler.compile(options.synonyms().expand(parsed), analyzer,
        docFreqs, options.ranking().allWordsFirst(), options.ranking().proximityWeight());
    Rescorer.Prepared rescore = compiled.query() != null && rescores(compiled.articleQuery(), options)
        ? Rescorer.prepare(parsed, compiled.query(), analyzer, docFreqs)
        : null;
    Found found = compiled.query() == null
        ? new Found(0, List.of(), List.of(), List.of())
        : run(searcher, analyzer, compiled.query(), compiled.articleQuery(), rescore, compiled.highlightTerms(),
            docFreqs, options);
    // The suggester looks up each word and runs a fuzzy match on the rare ones: most of a search's
    // cost on long queries, for nothing when the results already answer the query.
    String suggestion = options.suggest() && leaveRoomForSuggestion(found, parsed, options)
        ? SpellingSuggester.suggest(query, parsed, searcher, analyzer, docFreqs)
        : null;
    return new SearchResults(query, found.totalHits(), elapsedMillis(started), found.hits(), found.articles(),
        found.facets(), suggestion);
  }

  /**
   * Ranks the passages of other articles by how much they share the words of a passage (Lucene's
   * {@link MoreLikeThis}: its {@value #SIMILAR_TERMS} most telling words, by tf·idf).
   *
   * @throws NoSuchPassageException when the index holds no passage {@code passageId}
   */
  public static SearchResults similar(IndexSearcher searcher, Analyzer analyzer, String passageId,
      SearchOptions options) throws IOException {
    long started = System.nanoTime();
    TopDocs one = searcher.search(new TermQuery(new Term(Schema.PASSAGE_ID, passageId)), 1);
    if (one.scoreDocs.length == 0) {
      throw new NoSuchPassageException(passageId);
    }
    PassageRecord doc = PassageRecord.read(searcher.getIndexReader(), new int[] {one.scoreDocs[0].doc})[0];
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {Schema.TEXT});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(SIMILAR_TERMS);
    String title = doc.title();
    Query like = mlt.like(Schema.TEXT, new StringReader(doc.text() + (title == null ? "" : "\n" + title)));
    Query query = new BooleanQuery.Builder()
        .add(like, Occur.MUST)
        .add(new TermQuery(new Term(Schema.ARTICLE_ID, doc.articleId())), Occur.MUST_NOT)
        .build();
    Set<String> terms = new HashSet<>();
    like.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... ts) {
        for (Term t : ts) {
          terms.add(t.text());
        }
      }
    });
    Found found = run(searcher, analyzer, query, null, null, terms, null, options);
    return new SearchResults(passageId, found.totalHits(), elapsedMillis(started), found.hits(),
        found.articles(), found.facets(), null);
  }

  /**
   * Whether a search re-scores its best passages: by relevance, in their article's context, when
   * the ranking asks for it (see {@link #ranked}).
   */
  private static boolean rescores(Query articleQuery, SearchOptions options) {
    return options.ranking().rescore() && options.sort() == SearchOptions.Sort.RELEVANCE
        && articleQuery != null && options.ranking().articleWeight() > 0;
  }

  /**
   * Whether the results leave room for a spelling suggestion: few passages match, or the query has
   * two or more words and no passage found holds all of them (it then has the all-words bonus;
   * without the bonus, that cannot be told, and the suggestion is looked for). A query of more words
   * than the bonus covers ({@link QueryCompiler#MAX_WORDS_FOR_EXTRAS}), a pasted text, gets none
   * unless few passages match: it would repeat the whole text.
   */
  private static boolean leaveRoomForSuggestion(Found found, ParsedQuery parsed, SearchOptions options) {
    if (found.totalHits() < SearchResults.FEW_RESULTS) {
      return true;
    }
    if (parsed.groups().size() < 2 || parsed.groups().size() > QueryCompiler.MAX_WORDS_FOR_EXTRAS) {
      return false;
    }
    return !options.ranking().allWordsFirst()
        || found.hits().stream().noneMatch(h -> h.score() >= QueryCompiler.ALL_WORDS_BONUS);
  }

  /** What a search found, before the suggestion. */
  private record Found(long totalHits, List<PassageHit> hits, List<ArticleHit> articles, List<Facet> facets) {}

  /**
   * Runs a compiled query.
   *
   * @param articleQuery the query on articles' whole text for {@link ArticleContext}, or null
   * @param rescore the query prepared for {@link Rescorer}, or null for no re-scoring
   * @param docFreqs the terms' states the search looked up already, where the snippets' postings start;
   *     null when it looked none up (the snippets seek every term)
   */
  private static Found run(IndexSearcher searcher, Analyzer analyzer, Query query, Query articleQuery,
      Rescorer.Prepared rescore, Set<String> highlight, DocFreqs docFreqs, SearchOptions options) throws IOException {
    Query filter = Filters.of(options);
    Query filtered = filter == null ? query
        : new BooleanQuery.Builder().add(query, Occur.MUST).add(filter, Occur.FILTER).build();
    Hits hits = new Hits(searcher, analyzer, filtered, highlight, docFreqs, options);
    List<Facet> facets = options.facets() ? FacetCounter.count(searcher, filtered) : List.of();
    Ranker ranker = (q, n, countUpTo) -> ranked(searcher, q, articleQuery, rescore, options, n, countUpTo);
    if (options.perArticle() == 0) {
      TopDocs top = ranker.top(filtered, options.limit(), SearchResults.TOTAL_HITS_COUNTED);
      return new Found(top.totalHits.value(), hits.passages(List.of(top.scoreDocs)), List.of(), facets);
    }
    return grouped(searcher, filtered, options, hits, facets, ranker);
  }

  /** The best {@code n} passages for a query, in the order of the options. */
  private interface Ranker {
    TopDocs top(Query query, int n, int countUpTo) throws IOException;
  }

  private static Found grouped(IndexSearcher searcher, Query query, SearchOptions options, Hits hits,
      List<Facet> facets, Ranker ranker) throws IOException {
    int window = options.limit() * Math.max(WINDOW_PER_ARTICLE, options.perArticle());
    while (true) {
      TopDocs top = ranker.top(query, window, Integer.MAX_VALUE);
      Map<String, List<ScoreDoc>> byArticle = new LinkedHashMap<>();
      int[] docIds = new int[top.scoreDocs.length];
      Arrays.setAll(docIds, i -> top.scoreDocs[i].doc);
      PassageRecord[] records = PassageRecord.read(searcher.getIndexReader(), docIds);
      for (int i = 0; i < records.length; i++) {
        ScoreDoc sd = top.scoreDocs[i];
        String article = records[i].articleId();
        List<ScoreDoc> docs = byArticle.get(article);
        if (docs == null) {
          if (byArticle.size() == options.limit()) {
            continue;
          }
          byArticle.put(article, docs = new ArrayList<>());
        }
        if (docs.size() < options.perArticle()) {
          docs.add(sd);
        }
      }
      long total = top.totalHits.value();
      if (byArticle.size() < options.limit() && top.scoreDocs.length < total) {
        window = (int) Math.min(total, (long) window * 4);
        continue;
      }
      Map<String, Integer> matching = matchingPassages(searcher, query, byArticle.keySet());
      for (Map.Entry<String, List<ScoreDoc>> e : byArticle.entrySet()) {
        if (e.getValue().size() < Math.min(options.perArticle(), matching.get(e.getKey()))) {
          e.setValue(List.of(ranker.top(new BooleanQuery.Builder()
              .add(query, Occur.MUST)
              .add(new TermQuery(new Term(Schema.ARTICLE_ID, e.getKey())), Occur.FILTER)
              .build(), options.perArticle(), Integer.MAX_VALUE).scoreDocs));
        }
      }
      List<ScoreDoc> shownDocs = new ArrayList<>();
      for (List<ScoreDoc> docs : byArticle.values()) {
        shownDocs.addAll(docs);
      }
      List<PassageHit> passages = hits.passages(shownDocs);
      List<ArticleHit> articles = new ArrayList<>();
      int from = 0;
      for (Map.Entry<String, List<ScoreDoc>> e : byArticle.entrySet()) {
        List<PassageHit> shown = passages.subList(from, from + e.getValue().size());
        from += shown.size();
        PassageHit best = shown.getFirst();
        articles.add(new ArticleHit(articles.size() + 1, best.score(), e.getKey(), best.title(), best.date(),
            best.source(), best.url(), matching.get(e.getKey()), shown));
      }
      return new Found(total, passages, articles, facets);
    }
  }

  /** How many passages of each of these articles the query matches, in one pass over their passages. */
  private static Map<String, Integer> matchingPassages(IndexSearcher searcher, Query query, Set<String> articleIds)
      throws IOException {
    Query ofTheseArticles = new BooleanQuery.Builder()
        .add(query, Occur.FILTER)
        .add(new TermInSetQuery(Schema.ARTICLE_ID, articleIds.stream().map(BytesRef::new).toList()), Occur.FILTER)
        .build();
    Map<String, Integer> counts = new HashMap<>();
    searcher.search(ofTheseArticles, new CollectorManager<SimpleCollector, Void>() {
      @Override
      public SimpleCollector newCollector() {
        return new SimpleCollector() {
          private SortedDocValues ids;

          @Override
          protected void doSetNextReader(LeafReaderContext context) throws IOException {
            ids = DocValues.getSorted(context.reader(), Schema.ARTICLE_ID);
          }

          @Override
          public void collect(int doc) throws IOException {
            if (ids.advanceExact(doc)) {
              counts.merge(ids.lookupOrd(ids.ordValue()).utf8ToString(), 1, Integer::sum);
            }
          }

          @Override
          public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
          }
        };
      }

      @Override
      public Void reduce(Collection<SimpleCollector> collectors) {
        return null;
      }
    });
    return counts;
  }

  /**
   * The best {@code n} passages in the order asked for, with their scores and the total, exact up
   * to {@code countUpTo} matches (always exact in date order); by relevance, in the context of
   * their article when the ranking says so and {@code articleQuery} is not null, then re-scored by
   * {@link Rescorer} when {@code rescore} is not null.
   */
  private static TopDocs ranked(IndexSearcher searcher, Query query, Query articleQuery, Rescorer.Prepared rescore,
      SearchOptions options, int n, int countUpTo) throws IOException {
    if (options.sort() == SearchOptions.Sort.RELEVANCE) {
      float weight = options.ranking().articleWeight();
      if (articleQuery == null || weight <= 0) {
        return searcher.search(query, new TopScoreDocCollectorManager(n, countUpTo));
      }
      if (rescore == null) {
        return ArticleContext.rank(searcher, query, articleQuery, weight, n, countUpTo);
      }
      TopDocs top = ArticleContext.rank(searcher, query, articleQuery, weight, Math.max(n, Rescorer.DEPTH),
          countUpTo);
      return Rescorer.rescore(searcher, rescore, top, n);
    }
    boolean newest = options.sort() == SearchOptions.Sort.NEWEST_FIRST;
    SortField day = new SortField(Schema.DAY, SortField.Type.LONG, newest);
    day.setMissingValue(newest ? Long.MIN_VALUE : Long.MAX_VALUE);
    TopDocs top = searcher.search(query,
        new TopFieldCollectorManager(new Sort(day, SortField.FIELD_SCORE), n, null, Integer.MAX_VALUE));
    for (ScoreDoc sd : top.scoreDocs) {
      sd.score = (Float) ((FieldDoc) sd).fields[1];
    }
    return top;
  }

  /** Makes the hits of one search. */
  private static final class Hits {
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final Query query;
    private final Set<String> highlight;
    private final DocFreqs docFreqs;
    private final SearchOptions options;

    Hits(IndexSearcher searcher, Analyzer analyzer, Query query, Set<String> highlight, DocFreqs docFreqs,
        SearchOptions options) throws IOException {
      this.searcher = searcher;
      this.analyzer = analyzer;
      this.query = query;
      this.highlight = highlight;
      this.docFreqs = docFreqs;
      this.options = options;
    }

    /** The hits of these passages, ranked 1, 2... in this order; their records and quotations read in one pass. */
    List<PassageHit> passages(List<ScoreDoc> docs) throws IOException {
      int[] docIds = new int[docs.size()];
      Arrays.setAll(docIds, i -> docs.get(i).doc);
      PassageRecord[] records = PassageRecord.read(searcher.getIndexReader(), docIds);
      List<List<Quotation>> quotations = QuoteValues.read(searcher.getIndexReader(), docIds);
      List<Snippet> snippets = options.snippets()
          ? SnippetMaker.snippets(searcher.getIndexReader(), docFreqs, docIds, Arrays.stream(records).map(PassageRecord::text).toList(),
              highlight, analyzer, SnippetMaker.DEFAULT_MAX_CHARS)
          : null;
      List<PassageHit> out = new ArrayList<>(records.length);
      for (int i = 0; i < records.length; i++) {
        out.add(passage(i + 1, docs.get(i), records[i], quotations.get(i), snippets == null ? null : snippets.get(i)));
      }
      return out;
    }

    private PassageHit passage(int rank, ScoreDoc sd, PassageRecord r, List<Quotation> quotations, Snippet snippet)
        throws IOException {
      String text = r.text();
      ScoreExplanation explanation = options.explain() ? explanation(sd) : null;
      List<Quote> quotes = QuoteSearch.of(quotations, r);
      return new PassageHit(rank, sd.score, r.passageId(), r.articleId(), r.number(), r.title(), r.date(),
          r.source(), r.url(), text, snippet, explanation, quotes);
    }

    /** The passage's explanation, with its article's share and its re-scoring when there are. */
    private ScoreExplanation explanation(ScoreDoc sd) throws IOException {
      ScoreExplanation e = explain(searcher.explain(query, sd.doc));
      if (sd instanceof Rescorer.Rescored r) {
        return withShare(withShare(e, r.firstStage(), ARTICLE_DESCRIPTION), r.score, RESCORE_DESCRIPTION);
      }
      return withShare(e, sd.score, ARTICLE_DESCRIPTION);
    }
  }

  /**
   * The passage's explanation with, when its score is not the explanation's, the difference as one
   * more term of the sum (the article's share, or the re-scoring's).
   */
  private static ScoreExplanation withShare(ScoreExplanation passage, float score, String description) {
    float share = score - passage.value();
    if (Math.abs(share) <= 1e-4f * Math.max(1f, Math.abs(score))) {
      return passage;
    }
    ScoreExplanation article = new ScoreExplanation(share, description, List.of());
    List<ScoreExplanation> terms = new ArrayList<>();
    if (passage.description().equals("sum of:")) {
      terms.addAll(passage.details());
    } else {
      terms.add(passage);
    }
    terms.add(article);
    return new ScoreExplanation(score, "sum of:", terms);
  }

  private static final Comparator<ScoreExplanation> MAX_ORDER = Comparator
      .comparingDouble((ScoreExplanation d) -> -d.value()).thenComparing(ScoreExplanation::description);

  /**
   * Our form of Lucene's explanation, without internal document numbers, the all-words bonus named,
   * the disjuncts of a maximum in an order that does not change from run to run.
   */
  static ScoreExplanation explain(Explanation e) {
    List<ScoreExplanation> details = new ArrayList<>();
    for (Explanation d : e.getDetails()) {
      details.add(explain(d));
    }
    // "weight(text:bamako in 42) [BM25Similarity], result of:" → "weight(text:bamako) BM25:"
    String description = e.getDescription()
        .replaceFirst(" in \\d+\\) \\[\\w*\\], result of:$", ") BM25:");
    if (description.startsWith("ConstantScore(") && e.getValue().floatValue() == QueryCompiler.ALL_WORDS_BONUS) {
      return new ScoreExplanation(e.getValue().floatValue(), BONUS_DESCRIPTION, List.of());
    }
    if (description.startsWith("max of:") || description.startsWith("max plus ")) {
      // A DisjunctionMaxQuery's disjuncts come in the order of a hash set whose hashes change from
      // one JVM to the next: best first, then by description, the same in every run.
      details.sort(MAX_ORDER);
    }
    return new ScoreExplanation(e.getValue().floatValue(), description, details);
  }

  private static long elapsedMillis(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}
