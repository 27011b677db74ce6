package org.depeche.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOSupplier;
import org.depeche.index.Schema;
import org.depeche.search.ParsedQuery.Group;
import org.depeche.search.ParsedQuery.Item;

/**
 * Re-scores the best passages of a ranking with a few lexical features read from the postings of
 * those passages only: a second stage after {@link ArticleContext#rank}.
 *
 * <p>A candidate's new score is its score plus {@code Σ weight × feature}, the weights ({@link
 * #WEIGHTS}) learned offline by {@code scripts/train-rescorer} on the dev queries of PIAF and
 * OrangeSum. The features ({@link Feature}) say how much of the query the passage holds: the share
 * of the query's IDF found in its own text and in its article's title, the share found as typed
 * (unstemmed), and where the passage is in its article. They are read from the postings of the
 * candidates alone ({@link #DEPTH} at most): each term's place in each segment is the one looked up
 * while preparing (in the search's {@link DocFreqs}, which the compiled query's term queries share),
 * so a term is sought once per segment and search.
 *
 * <pre>{@code
 * Rescorer.Prepared q = Rescorer.prepare(parsed, compiled.query(), analyzer, searcher.getIndexReader());
 * TopDocs better = Rescorer.rescore(searcher, q, ArticleContext.rank(...), 10);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Rescorer {
  /** How many of the best passages are re-scored. */
  public static final int DEPTH = 100;

  /** A query with more terms than this (a prefix stands for many) is not re-scored. */
  static final int MAX_TERMS = 64;

  /** The features of a candidate passage, in the order of {@link #features}. */
  public enum Feature {
    /** The share of the query terms' IDF found in the passage's own text, 0 to 1. */
    OWN_COVERAGE,
    /** The share of the query terms' IDF found in the article's title, 0 to 1. */
    TITLE_COVERAGE,
    /** The share of the query words' IDF found as typed, unstemmed ({@link Schema#WORDS}), 0 to 1. */
    EXACT,
    /** ln(1 + the passage's number in its article): 0 for the first. */
    POSITION
  }

  /**
   * The weights of {@link Feature}, in order: the last line of {@code scripts/train-rescorer}, coordinate
   * ascent on the mean of the article-level MRR@10 of the PIAF and OrangeSum dev queries, trained on
   * all of them (the two halves of the queries, each trained on alone, give 20, 50, 50, -10 and 0,
   * 50, 100, -10, and each beats the default on the other half of both sets: docs/relevance.md).
   * The first stage's scores run from about 10 to 1,500 (the all-words bonus is 1,000): a weight of
   * 50 moves a passage past those within 50 points of it, mostly other passages of its own article
   * and articles of close score.
   */
  static final float[] WEIGHTS = {20f, 50f, 50f, -10f};

  private Rescorer() {}

  /**
   * What re-scoring needs of a query.
   *
   * @param terms the distinct terms of the query on {@link Schema#TEXT}, those it excludes left out
   * @param idf the IDF of each term in {@link Schema#TEXT}
   * @param words the distinct unstemmed words of the query ({@link Schema#WORDS}), in its order
   * @param wordIdf the IDF of each word in {@link Schema#WORDS}
   * @param termStates the place of each term in each segment of the reader it was prepared on
   * @param wordStates the place of each word in each segment of that reader
   */
  public record Prepared(List<Term> terms, float[] idf, List<Term> words, float[] wordIdf,
      TermStates[] termStates, TermStates[] wordStates) {}

  /**
   * Prepares a query for re-scoring; null when it has no term to look for, or more than {@value
   * #MAX_TERMS}.
   *
   * @param parsed the query as parsed, for the words as typed
   * @param passages the compiled query ranking passages, for its terms
   */
  public static Prepared prepare(ParsedQuery parsed, Query passages, Analyzer analyzer, IndexReader reader)
      throws IOException {
    return prepare(parsed, passages, analyzer, new DocFreqs(reader));
  }

  /** {@link #prepare(ParsedQuery, Query, Analyzer, IndexReader)}, counts asked of {@code docFreqs}. */
  static Prepared prepare(ParsedQuery parsed, Query passages, Analyzer analyzer, DocFreqs docFreqs) {
    Set<Term> terms = new LinkedHashSet<>();
    passages.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        return field.equals(Schema.TEXT);
      }

      @Override
      public void consumeTerms(Query query, Term... ts) {
        terms.addAll(Arrays.asList(ts));
      }

      @Override
      public QueryVisitor getSubVisitor(Occur occur, Query parent) {
        return occur == Occur.MUST_NOT ? EMPTY_VISITOR : this;
      }
    });
    if (terms.isEmpty() || terms.size() > MAX_TERMS) {
      return null;
    }
    Set<Term> words = new LinkedHashSet<>();
    for (Group group : parsed.groups()) {
      for (Item item : group.alternatives()) {
        if (item.field() == ParsedQuery.Field.ANY && !item.prefix()) {
          words.addAll(analyze(Schema.WORDS, item.text(), analyzer));
        }
      }
    }
    // Sorted: BooleanQuery.visit walks its SHOULD clauses in the order of their hash codes, which
    // change from one JVM to the next (a query's class hash is the Class object's identity hash),
    // and the features sum floats in this order: the same query must give the same scores.
    List<Term> t = terms.stream().sorted().toList();
    List<Term> w = List.copyOf(words);
    return new Prepared(t, idf(docFreqs, Schema.TEXT, t), w, idf(docFreqs, Schema.WORDS, w),
        states(docFreqs, t), states(docFreqs, w));
  }

  /** BM25's IDF of each term in a field, 0 for a term of no document. */
  private static float[] idf(DocFreqs docFreqs, String field, List<Term> terms) {
    float[] idf = new float[terms.size()];
    long n;
    try {
      n = docFreqs.reader().getDocCount(field);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < idf.length; i++) {
      int df = docFreqs.of(terms.get(i));
      idf[i] = df == 0 ? 0f : (float) Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
    return idf;
  }

  private static TermStates[] states(DocFreqs docFreqs, List<Term> terms) {
    return terms.stream().map(docFreqs::states).toArray(TermStates[]::new);
  }

  private static List<Term> analyze(String field, String text, Analyzer analyzer) {
    List<Term> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Term(field, term.toString()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** A re-scored passage: its new score, and its score before. */
  public static final class Rescored extends ScoreDoc {
    private final float firstStage;

    Rescored(int doc, float score, float firstStage) {
      super(doc, score);
      this.firstStage = firstStage;
    }

    /** Returns the passage's score before re-scoring. */
    public float firstStage() {
      return firstStage;
    }
  }

  /**
   * Re-scores the candidates and returns the best {@code n}, best first, each re-scored one a
   * {@link Rescored}; the candidates beyond {@link #DEPTH} keep their score and their place below
   * those re-scored.
   */
  public static TopDocs rescore(IndexSearcher searcher, Prepared query, TopDocs ranked, int n) throws IOException {
    ScoreDoc[] all = ranked.scoreDocs;
    int depth = Math.min(DEPTH, all.length);
    ScoreDoc[] head = Arrays.copyOf(all, depth);
    float[][] f = features(searcher, query, head);
    List<ScoreDoc> rescored = new ArrayList<>(depth);
    for (int k = 0; k < depth; k++) {
      float s = head[k].score;
      for (int j = 0; j < WEIGHTS.length; j++) {
        s += WEIGHTS[j] * f[k][j];
      }
      rescored.add(new Rescored(head[k].doc, s, head[k].score));
    }
    rescored.sort(Comparator.comparingDouble((ScoreDoc sd) -> -sd.score).thenComparingInt(sd -> sd.doc));
    List<ScoreDoc> out = new ArrayList<>(rescored);
    out.addAll(Arrays.asList(all).subList(depth, all.length));
    return new TopDocs(ranked.totalHits, out.subList(0, Math.min(n, out.size())).toArray(ScoreDoc[]::new));
  }

  /**
   * The features of each passage ({@link Feature}, in order), read from the postings of these
   * passages alone.
   */
  public static float[][] features(IndexSearcher searcher, Prepared query, ScoreDoc[] docs) throws IOException {
    float[][] out = new float[docs.length][Feature.values().length];
    // The candidates in document order, as (doc, index) in one long each: no boxing, no comparator.
    long[] order = new long[docs.length];
    Arrays.setAll(order, k -> (long) docs[k].doc << 32 | k);
    Arrays.sort(order);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    float idfSum = 0;
    for (float v : query.idf()) {
      idfSum += v;
    }
    float wordIdfSum = 0;
    for (float v : query.wordIdf()) {
      wordIdfSum += v;
    }
    int nTerms = query.terms().size();
    Leaf leaf = null;
    for (long key : order) {
      int k = (int) key;
      int doc = docs[k].doc;
      int at = ReaderUtil.subIndex(doc, leaves);
      if (leaf == null || leaf.ord != at) {
        leaf = new Leaf(leaves.get(at), query);
      }
      int local = doc - leaf.context.docBase;
      float[] v = out[k];
      float own = 0;
      float title = 0;
      for (int i = 0; i < nTerms; i++) {
        int where = leaf.where(i, local);
        own += (where & Leaf.OWN_TEXT) != 0 ? query.idf()[i] : 0;
        title += (where & Leaf.TITLE) != 0 ? query.idf()[i] : 0;
      }
      v[Feature.OWN_COVERAGE.ordinal()] = idfSum == 0 ? 0 : own / idfSum;
      v[Feature.TITLE_COVERAGE.ordinal()] = idfSum == 0 ? 0 : title / idfSum;
      float exact = 0;
      for (int i = 0; i < query.words().size(); i++) {
        exact += leaf.hasWord(i, local) ? query.wordIdf()[i] : 0;
      }
      v[Feature.EXACT.ordinal()] = wordIdfSum == 0 ? 0 : exact / wordIdfSum;
      v[Feature.POSITION.ordinal()] = (float) Math.log1p(leaf.number(local));
    }
    return out;
  }

  /** The postings of a query's terms in one segment, read forward as the candidates come in document order. */
  private static final class Leaf {
    /** Flags of {@link #where}. */
    static final int OWN_TEXT = 1;
    static final int TITLE = 2;
    final int ord;
    final LeafReaderContext context;
    private final PostingsEnum[] terms;
    private final PostingsEnum[] words;
    private final SortedNumericDocValues numbers;

    Leaf(LeafReaderContext context, Prepared query) throws IOException {
      this.ord = context.ord;
      this.context = context;
      terms = postings(context, Schema.TEXT, query.terms(), query.termStates(), PostingsEnum.POSITIONS);
      words = postings(context, Schema.WORDS, query.words(), query.wordStates(), PostingsEnum.NONE);
      numbers = DocValues.getSortedNumeric(context.reader(), Schema.PASSAGE_NUMBER);
    }

    /**
     * The postings of each term, sought with its state in this segment (no walk of the terms
     * dictionary) when the states were looked up in this searcher's reader, by its bytes otherwise.
     */
    private static PostingsEnum[] postings(LeafReaderContext context, String field, List<Term> terms,
        TermStates[] states, int flags) throws IOException {
      PostingsEnum[] out = new PostingsEnum[terms.size()];
      Terms t = context.reader().terms(field);
      if (t == null) {
        return out;
      }
      TermsEnum te = t.iterator();
      IndexReaderContext top = ReaderUtil.getTopLevelContext(context);
      for (int i = 0; i < out.length; i++) {
        BytesRef bytes = terms.get(i).bytes();
        if (states[i].wasBuiltFor(top)) {
          IOSupplier<TermState> state = states[i].get(context);
          TermState s = state == null ? null : state.get();
          if (s == null) {
            continue;
          }
          te.seekExact(bytes, s);
        } else if (!te.seekExact(bytes)) {
          continue;
        }
        out[i] = te.postings(null, flags);
      }
      return out;
    }

    /**
     * Where term {@code i} is in a document: {@link #OWN_TEXT} if in the passage's own text (a
     * position before {@link Schema#TITLE_POSITION}), {@link #TITLE} if in its article's title; 0
     * when absent.
     */
    int where(int i, int doc) throws IOException {
      PostingsEnum p = terms[i];
      if (p == null || !at(p, doc)) {
        return 0;
      }
      int first = p.nextPosition();
      int last = first;
      for (int k = 1; k < p.freq(); k++) {
        last = p.nextPosition();
      }
      return (first < Schema.TITLE_POSITION ? OWN_TEXT : 0) | (last >= Schema.TITLE_POSITION ? TITLE : 0);
    }

    boolean hasWord(int i, int doc) throws IOException {
      return words[i] != null && at(words[i], doc);
    }

    private static boolean at(PostingsEnum p, int doc) throws IOException {
      int d = p.docID();
      if (d < doc) {
        d = p.advance(doc);
      }
      return d == doc;
    }

    long number(int doc) throws IOException {
      return numbers.advanceExact(doc) ? numbers.nextValue() : 0;
    }
  }
}
