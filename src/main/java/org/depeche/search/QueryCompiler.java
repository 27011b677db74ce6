package org.depeche.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.spans.SpanFirstQuery;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanPositionRangeQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.depeche.QuerySyntaxException;
import org.depeche.index.Schema;
import org.depeche.search.ParsedQuery.Group;
import org.depeche.search.ParsedQuery.Item;

/**
 * Turns a {@link ParsedQuery} into the Lucene query that ranks passages.
 *
 * <p>Each word or phrase is looked for in the passage text, where the article's title is indexed
 * too (see {@link Schema#TEXT}), and scored with BM25: a word of the title counts for every passage
 * of its article. When a query has two or more groups, a passage that holds all of them in its own
 * text gets {@link #ALL_WORDS_BONUS} on top (up to {@value #MAX_WORDS_FOR_EXTRAS} groups), which
 * puts such passages before those that miss a word or find it only in the title. Words that the
 * analyzer drops entirely (stop words such as {@code le}, {@code de}) are ignored.
 *
 * <p>A plain word (not quoted, not a prefix, in no {@code field:}) of which no passage holds a term
 * is looked for as the closest term the index holds too, at the same place: questions and
 * headlines are typed fast ({@code Strutthof} finds {@code Stutthof}, {@code polpulation} finds
 * {@code population}). On the PIAF questions, one in ten has such a word. The first {@value
 * #MAX_CORRECTIONS} such words of a query are corrected.
 *
 * <p>The same words are also compiled into a query on the whole text of articles, which {@link
 * ArticleContext} adds to the score of each passage of an article; there two words that follow each
 * other in the query score again when they are near each other in the text (see {@code
 * proximity}). The passage query has no such clauses: over every passage they took a fifth to a
 * quarter of a search's CPU and, with the article's and the re-scoring, bought nothing
 * (docs/performance-history.md, "Proximity at re-scoring (prox17)").
 *
 * <p>A prefix ({@code britanniq*}) stands for the words of the index that begin with it, looked up
 * unstemmed in {@link Schema#WORDS} ({@code britannique}, {@code britanniques}), then searched by
 * their stems ({@code britan}) as one term: the prefix agrees with the stemmer, which a prefix of
 * the stems could not ({@code britan} does not begin with {@code britanniq}). The
 * {@value #MAX_PREFIX_WORDS} most frequent words are kept.
 *
 * <p>Stateless and thread-safe, given a thread-safe analyzer.
 */
public final class QueryCompiler {
  /**
   * Added to the score of a passage whose own text holds every group of the query: larger than the
   * BM25 sum of any realistic query, so that those passages come first.
   */
  public static final float ALL_WORDS_BONUS = 1000f;

  /**
   * How far apart, in positions, two consecutive words of the query may be for a proximity clause
   * to match (stop words count: {@code trafic de drogue} is 1 apart).
   */
  public static final int PROXIMITY_SLOP = 3;

  /**
   * The most terms a query may give after analysis, counting each term of a phrase, each
   * alternative form ({@code Royaume-Uni} gives three) and each word a prefix stands for: enough
   * for a pasted paragraph or a prefix and a hundred words, and well below what would make a search
   * slow or exceed Lucene's clause limit. A longer query is a {@link QuerySyntaxException} at the
   * word that goes past it.
   */
  public static final int MAX_TERMS = 400;

  /**
   * The most groups of a query for which the {@link #ALL_WORDS_BONUS} is added, and the most
   * proximity clauses, the first pairs of the query: past that many words no passage holds them
   * all, and with a clause or two per word for each, a long query (a pasted paragraph of a few
   * hundred words) would exceed Lucene's limit of {@link
   * org.apache.lucene.search.IndexSearcher#getMaxClauseCount} clauses.
   */
  static final int MAX_WORDS_FOR_EXTRAS = 64;

  /** The most words of the index one prefix stands for, the most frequent ones. */
  public static final int MAX_PREFIX_WORDS = 256;

  /**
   * The most words of one query corrected by the spell checker (see {@link #compile}): a question
   * rarely has more typing errors, and a pasted text of unknown words must not cost hundreds of
   * spell checks.
   */
  static final int MAX_CORRECTIONS = 3;

  /**
   * How many close terms the spell checker ranks by frequency when it corrects a word no passage
   * holds: with its default five, equally close terms are kept in term order, not by frequency.
   */
  private static final int CORRECTION_INSPECTIONS = 100;

  /**
   * An elided article before a prefix ({@code l'arm*}), and the hyphens in it ({@code Royaume-U*}):
   * the index holds {@code armee} and {@code royaumeuni}.
   */
  private static final Pattern ELIDED =
      Pattern.compile("^(?iu)(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ‘]");

  private QueryCompiler() {}

  /**
   * A compiled query.
   *
   * @param query the Lucene query that ranks passages, or null when every word was a stop word
   * @param articleQuery the same words and phrases looked for in the whole text of articles ({@link
   *     Schema#ARTICLE_TEXT}), or null when the query has none outside {@code title:} and {@code
   *     source:}
   * @param highlightTerms the analyzed terms to highlight in the passage text
   */
  public record Compiled(Query query, Query articleQuery, Set<String> highlightTerms) {}

  /**
   * Compiles a parsed query with the analyzer the index was built with ({@link
   * Schema#analyzer}); prefixes are looked up in {@code reader}.
   *
   * @param allWordsFirst whether a passage holding every group in its own text gets {@link
   *     #ALL_WORDS_BONUS}
   * @param proximity the weight of the article query's proximity clauses: for each two words that
   *     follow each other in the query (not in quotes, {@code OR} groups or field prefixes), the two
   *     terms as a phrase with slop {@value #PROXIMITY_SLOP} (in order with up to 3 words between them, or
   *     reversed with up to 1), scored by BM25 like a phrase;
   *     {@code "trafic de drogue"} adds {@code "trafic drogu"~3}; the first {@value
   *     #MAX_WORDS_FOR_EXTRAS} pairs. 0 adds none.
   * @throws QuerySyntaxException when the query gives more than {@link #MAX_TERMS} terms
   */
  public static Compiled compile(ParsedQuery parsed, Analyzer analyzer, IndexReader reader,
      boolean allWordsFirst, float proximity) {
    return compile(parsed, analyzer, new DocFreqs(reader), allWordsFirst, proximity);
  }

  /** {@link #compile(ParsedQuery, Analyzer, IndexReader, boolean, float)}, counts asked of {@code docFreqs}. */
  static Compiled compile(ParsedQuery parsed, Analyzer analyzer, DocFreqs docFreqs, boolean allWordsFirst,
      float proximity) {
    IndexReader reader = docFreqs.reader();
    int[] terms = {0};
    Set<String> highlight = new HashSet<>();
    // Runs of consecutive plain words, as analyzed terms: the pairs of the proximity clauses.
    List<List<String>> runs = new ArrayList<>();
    runs.add(new ArrayList<>());
    List<Query> scored = new ArrayList<>();
    List<Query> inPassage = new ArrayList<>();
    List<Query> inArticle = new ArrayList<>();
    // The corrections left, and the terms they added (not counted towards MAX_TERMS).
    int[] corrections = {MAX_CORRECTIONS, 0};
    for (Group group : parsed.groups()) {
      Item only = group.alternatives().getFirst();
      Analyzed plain = null;
      // Only plain words: then a proximity clause matches only where its two words match too.
      if (group.alternatives().size() == 1 && only.field() == ParsedQuery.Field.ANY && !only.phrase()
          && !only.prefix()) {
        Analyzed a = corrected(analyze(Schema.TEXT, only.text(), analyzer), docFreqs, corrections);
        plain = a;
        if (a != null) {
          a.stacks().forEach(st -> runs.getLast().add(st.getFirst().text()));
        }
      } else if (!runs.getLast().isEmpty()) {
        runs.add(new ArrayList<>());
      }
      List<Query> alternatives = new ArrayList<>();
      List<Query> passageAlternatives = new ArrayList<>();
      for (Item item : group.alternatives()) {
        Analyzed a = counted(item, corrections, item.prefix()
            ? prefix(fieldOf(item), item.text(), analyzer, reader)
            : item == only && plain != null ? plain
            : item.field() == ParsedQuery.Field.ANY && !item.phrase()
                ? corrected(analyze(fieldOf(item), item.text(), analyzer), docFreqs, corrections)
                : analyze(fieldOf(item), item.text(), analyzer), terms);
        if (a == null) {
          continue;
        }
        alternatives.add(query(item, a, docFreqs));
        if (item.field() == ParsedQuery.Field.ANY) {
          a.terms().forEach(t -> highlight.add(t.text()));
          // A prefix stands for up to MAX_PREFIX_WORDS words, often frequent ones: checking the
          // position of each took 2 to 3.5 s for "con* pre*" on OrangeSum's 276,606 passages.
          // Its words count for the bonus wherever they are in the text field, title included.
          passageAlternatives.add(item.prefix() ? a.query(docFreqs) : a.inPassage(docFreqs));
          inArticle.add(a.in(Schema.ARTICLE_TEXT).query(docFreqs));
        } else {
          passageAlternatives.add(query(item, a, docFreqs));
        }
      }
      if (!alternatives.isEmpty()) {
        scored.add(any(alternatives));
        inPassage.add(any(passageAlternatives));
      }
    }
    if (scored.isEmpty()) {
      return new Compiled(null, null, Set.of());
    }
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    scored.forEach(q -> top.add(q, Occur.SHOULD));
    if (allWordsFirst && scored.size() > 1 && scored.size() <= MAX_WORDS_FOR_EXTRAS) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      inPassage.forEach(q -> all.add(q, Occur.FILTER));
      top.add(new BoostQuery(new ConstantScoreQuery(all.build()), ALL_WORDS_BONUS), Occur.SHOULD);
    }
    for (Item item : parsed.exclusions()) {
      Analyzed a = counted(item, corrections, item.prefix()
          ? prefix(fieldOf(item), item.text(), analyzer, reader)
          : analyze(fieldOf(item), item.text(), analyzer), terms);
      if (a != null) {
        top.add(query(item, a, docFreqs), Occur.MUST_NOT);
      }
    }
    Query article = null;
    if (!inArticle.isEmpty()) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      inArticle.forEach(q -> b.add(q, Occur.SHOULD));
      if (proximity > 0) {
        pairs(runs, Schema.ARTICLE_TEXT, docFreqs).forEach(q -> b.add(new BoostQuery(q, proximity), Occur.SHOULD));
      }
      article = b.build();
    }
    return new Compiled(top.build(), article, Set.copyOf(highlight));
  }

  /**
   * The proximity clauses of the runs' consecutive words in {@code field}: their terms' look-ups
   * are {@code docFreqs}'s, shared with the words' own queries (the weight of a Lucene {@link
   * PhraseQuery} would look each term up again in every segment).
   */
  private static List<Query> pairs(List<List<String>> runs, String field, DocFreqs docFreqs) {
    List<Query> pairs = new ArrayList<>();
    for (List<String> r : runs) {
      for (int i = 0; i + 1 < r.size() && pairs.size() < MAX_WORDS_FOR_EXTRAS; i++) {
        Term a = new Term(field, r.get(i));
        Term b = new Term(field, r.get(i + 1));
        pairs.add(new ProximityPairQuery(PROXIMITY_SLOP, a, docFreqs.states(a), b, docFreqs.states(b)));
      }
    }
    return pairs;
  }

  private static String fieldOf(Item item) {
    return item.field() == ParsedQuery.Field.SOURCE ? Schema.SOURCE : Schema.TEXT;
  }

  /** The query of an item's analyzed words: a {@code title:} item's in the title part of the text field. */
  private static Query query(Item item, Analyzed a, DocFreqs docFreqs) {
    return item.field() == ParsedQuery.Field.TITLE ? a.inTitle(docFreqs) : a.query(docFreqs);
  }

  private static Query any(List<Query> alternatives) {
    if (alternatives.size() == 1) {
      return alternatives.getFirst();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    alternatives.forEach(q -> b.add(q, Occur.SHOULD));
    return b.build();
  }

  /**
   * A word or phrase as the analyzer sees it: the terms at each position (several where a
   * synonym set or a prefix stacks them) and the positions, gaps of removed stop words included.
   * A hyphenated word is its parts at consecutive positions ({@code Royaume-Uni}: {@code royaum
   * unir}), and {@code joined} is the same text with such words written together ({@code
   * royaumeuni}), or null when there is none.
   */
  private record Analyzed(String field, List<List<Term>> stacks, List<Integer> positions,
      Analyzed joined) {

    /** The same terms in another field. */
    Analyzed in(String other) {
      List<List<Term>> moved = new ArrayList<>();
      for (List<Term> stack : stacks) {
        moved.add(stack.stream().map(t -> new Term(other, t.bytes())).toList());
      }
      return new Analyzed(other, moved, positions, joined == null ? null : joined.in(other));
    }

    /** Every term, of the parts and of the joined spelling. */
    List<Term> terms() {
      List<Term> all = new ArrayList<>();
      stacks.forEach(all::addAll);
      if (joined != null) {
        all.addAll(joined.terms());
      }
      return all;
    }

    /**
     * One position gives a term (or a synonym set), several give an exact phrase; with a joined
     * spelling, the better scoring of the two. Were the joined term a third term of the phrase
     * ({@code royaumeuni|royaum unir}), its IDF would add to the parts', and one rare hyphenated
     * word would outweigh the rest of a query. A term's look-up in the index is {@code docFreqs}'s,
     * shared with the other queries on it.
     */
    Query query(DocFreqs docFreqs) {
      Query own = spelling(docFreqs);
      return joined == null ? own : new DisjunctionMaxQuery(List.of(own, joined.query(docFreqs)), 0f);
    }

    private Query spelling(DocFreqs docFreqs) {
      if (stacks.size() == 1) {
        List<Term> only = stacks.getFirst();
        if (only.size() == 1) {
          return new TermQuery(only.getFirst(), docFreqs.states(only.getFirst()));
        }
        SynonymQuery.Builder syn = new SynonymQuery.Builder(field);
        only.forEach(syn::addTerm);
        return syn.build();
      }
      int base = positions.getFirst();
      if (stacks.stream().allMatch(s -> s.size() == 1)) {
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int k = 0; k < stacks.size(); k++) {
          phrase.add(stacks.get(k).getFirst(), positions.get(k) - base);
        }
        return phrase.build();
      }
      MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
      for (int k = 0; k < stacks.size(); k++) {
        phrase.add(stacks.get(k).toArray(Term[]::new), positions.get(k) - base);
      }
      return phrase.build();
    }

    /**
     * Matches where the word or phrase is in the passage itself, not only in the title: the passage
     * comes first in the text field and the title {@link Schema#TITLE_POSITION} positions later.
     */
    Query inPassage(DocFreqs docFreqs) {
      SpanQuery span = joined == null ? span(docFreqs) : new SpanOrQuery(span(docFreqs), joined.span(docFreqs));
      return new SpanFirstQuery(span, Schema.TITLE_POSITION);
    }

    /**
     * Matches where the word or phrase is in the article's title: in the text field from {@link
     * Schema#TITLE_POSITION} on, where the title is indexed after the passage. A phrase keeps its
     * exact positions, stop words' gaps included, as {@link #query} does: {@code title:"Mali
     * après Barkhane"} is {@code mali}, one position, {@code barkhan}. Scored by BM25 on the text
     * field (its statistics and lengths, the title's words counted with the passage's).
     */
    Query inTitle(DocFreqs docFreqs) {
      SpanQuery exact = joined == null ? exactSpan(docFreqs)
          : new SpanOrQuery(exactSpan(docFreqs), joined.exactSpan(docFreqs));
      return new SpanPositionRangeQuery(exact, Schema.TITLE_POSITION, Integer.MAX_VALUE);
    }

    private SpanQuery exactSpan(DocFreqs docFreqs) {
      if (stacks.size() == 1) {
        return clause(0, docFreqs);
      }
      SpanNearQuery.Builder phrase = new SpanNearQuery.Builder(field, true);
      for (int k = 0; k < stacks.size(); k++) {
        int gap = k == 0 ? 0 : positions.get(k) - positions.get(k - 1) - 1;
        if (gap > 0) {
          phrase.addGap(gap);
        }
        phrase.addClause(clause(k, docFreqs));
      }
      return phrase.setSlop(0).build();
    }

    private SpanQuery clause(int k, DocFreqs docFreqs) {
      List<Term> stack = stacks.get(k);
      return stack.size() == 1
          ? new SpanTermQuery(stack.getFirst(), docFreqs.states(stack.getFirst()))
          : new SpanOrQuery(stack.stream().map(t -> new SpanTermQuery(t, docFreqs.states(t)))
              .toArray(SpanQuery[]::new));
    }

    private SpanQuery span(DocFreqs docFreqs) {
      SpanQuery[] clauses = new SpanQuery[stacks.size()];
      for (int k = 0; k < clauses.length; k++) {
        clauses[k] = clause(k, docFreqs);
      }
      int gaps = positions.getLast() - positions.getFirst() - (clauses.length - 1);
      return clauses.length == 1 ? clauses[0] : new SpanNearQuery(clauses, gaps, true);
    }
  }

  /**
   * Adds to each term of a plain word that no passage holds the closest term the index holds (at
   * most two edits, Lucene's {@link DirectSpellChecker} with its defaults, through {@link
   * ClosestTerm}; the most frequent among equally close ones), at the same position: {@code Strutthof} is searched as {@code strutthof}
   * or {@code stutthof}. At most {@code budget[0]} terms are corrected (the budget is spent);
   * {@code budget[1]} counts the terms added.
   */
  private static Analyzed corrected(Analyzed a, DocFreqs docFreqs, int[] budget) {
    if (a == null) {
      return null;
    }
    try {
      List<List<Term>> stacks = new ArrayList<>();
      for (List<Term> stack : a.stacks()) {
        List<Term> out = new ArrayList<>(stack);
        if (stack.size() == 1 && budget[0] > 0 && docFreqs.of(stack.getFirst()) == 0) {
          budget[0]--;
          SuggestWord w = ClosestTerm.of(stack.getFirst(), docFreqs.reader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX,
              CORRECTION_INSPECTIONS);
          if (w != null) {
            out.add(new Term(a.field(), w.string));
            budget[1]++;
          }
        }
        stacks.add(out);
      }
      return new Analyzed(a.field(), stacks, a.positions(), a.joined());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds an item's terms to the query's count, and returns it. The terms corrections added ({@code
   * corrections[1]}, at most {@value #MAX_CORRECTIONS}) are not counted: the limit is on what the
   * query gives, and a query the limit allows must not be refused for words it misspells.
   */
  private static Analyzed counted(Item item, int[] corrections, Analyzed a, int[] terms) {
    if (a != null) {
      terms[0] += a.terms().size();
      if (terms[0] - corrections[1] > MAX_TERMS) {
        throw new QuerySyntaxException("too many words: a query may give at most " + MAX_TERMS
            + " terms", item.position());
      }
    }
    return a;
  }

  /** The stems of the most frequent words that begin with {@code prefix}, as one position. */
  private static Analyzed prefix(String field, String prefix, Analyzer analyzer, IndexReader reader) {
    String bare = ELIDED.matcher(prefix).replaceFirst("").replaceAll("[-‐‑]", "");
    String normalized = analyzer.normalize(Schema.WORDS, bare).utf8ToString();
    PriorityQueue<Map.Entry<String, Integer>> frequent =
        new PriorityQueue<>(Map.Entry.comparingByValue());
    try {
      Terms words = MultiTerms.getTerms(reader, Schema.WORDS);
      TermsEnum e = words == null ? TermsEnum.EMPTY : words.iterator();
      BytesRef start = new BytesRef(normalized);
      if (e.seekCeil(start) != TermsEnum.SeekStatus.END) {
        for (BytesRef word = e.term(); word != null && StringHelper.startsWith(word, start); word = e.next()) {
          frequent.add(Map.entry(word.utf8ToString(), e.docFreq()));
          if (frequent.size() > MAX_PREFIX_WORDS) {
            frequent.poll();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<Term> stems = new LinkedHashSet<>();
    for (Map.Entry<String, Integer> word : frequent) {
      Analyzed a = analyze(field, word.getKey(), analyzer);
      if (a != null) {
        stems.addAll(a.terms());
      }
    }
    if (stems.isEmpty()) {
      stems.add(new Term(field, normalized));
    }
    return new Analyzed(field, List.of(new ArrayList<>(stems)), List.of(0), null);
  }

  /**
   * Analyzes text for a field; null when the analyzer leaves nothing of it. A term that spans
   * several positions (a hyphenated word written together) goes to the joined spelling, in place
   * of the parts it spans.
   */
  private static Analyzed analyze(String field, String text, Analyzer analyzer) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute length = ts.addAttribute(PositionLengthAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        int step = inc.getPositionIncrement();
        pos += tokens.isEmpty() ? Math.max(step, 1) : step;
        tokens.add(new Token(new Term(field, term.toString()), pos, length.getPositionLength()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Token> parts = tokens.stream().filter(t -> t.length() <= 1).toList();
    List<Token> joined = new ArrayList<>();
    int covered = -1;
    for (Token t : tokens) {
      if (t.length() > 1) {
        joined.removeIf(j -> j.position() == t.position());
        joined.add(t);
        covered = t.position() + t.length() - 1;
      } else if (t.position() > covered) {
        joined.add(t);
      }
    }
    Analyzed together = parts.size() == tokens.size() ? null : stacked(field, joined, null);
    return parts.isEmpty() ? together : stacked(field, parts, together);
  }

  /** An analyzed term, its position and how many positions it spans. */
  private record Token(Term term, int position, int length) {}

  /** Stacks the terms that share a position, in order; null for none. */
  private static Analyzed stacked(String field, List<Token> tokens, Analyzed joined) {
    List<List<Term>> stacks = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (Token t : tokens) {
      if (!positions.isEmpty() && positions.getLast() == t.position()) {
        stacks.getLast().add(t.term());
      } else {
        List<Term> stack = new ArrayList<>();
        stack.add(t.term());
        stacks.add(stack);
        positions.add(t.position());
      }
    }
    return tokens.isEmpty() ? null : new Analyzed(field, stacks, positions, joined);
  }
}
