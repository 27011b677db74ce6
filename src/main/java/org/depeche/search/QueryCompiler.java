package org.depeche.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.depeche.index.Schema;
import org.depeche.search.ParsedQuery.Field;
import org.depeche.search.ParsedQuery.Group;
import org.depeche.search.ParsedQuery.Item;

/**
 * Turns a {@link ParsedQuery} into the Lucene query that ranks passages.
 *
 * <p>Each word or phrase is looked for in the passage text, where the article's title is indexed
 * too (see {@link Schema#TEXT}), and scored with BM25. When a query has two or more groups, a
 * passage holding all of them (in its text or its title) gets {@link #ALL_WORDS_BONUS} on top, which
 * puts such passages before those that miss a word. Words that the analyzer drops entirely (stop
 * words such as {@code le}, {@code de}) are ignored.
 *
 * <p>Stateless and thread-safe, given a thread-safe analyzer.
 */
public final class QueryCompiler {
  /** The weight of a match in the article title, relative to one in the passage text. */
  public static final float TITLE_BOOST = 0.25f;

  /**
   * Added to the score of a passage that holds every group of the query: larger than the BM25 sum
   * of any realistic query, so that those passages come first.
   */
  public static final float ALL_WORDS_BONUS = 1000f;

  private QueryCompiler() {}

  /**
   * A compiled query.
   *
   * @param query the Lucene query, or null when every word was a stop word
   * @param highlightTerms the analyzed terms to highlight in the passage text
   */
  public record Compiled(Query query, Set<String> highlightTerms) {}

  /** Compiles a parsed query with the analyzer the index was built with. */
  public static Compiled compile(ParsedQuery parsed, Analyzer analyzer) {
    Set<String> highlight = new HashSet<>();
    List<Query> groupQueries = new ArrayList<>();
    for (Group group : parsed.groups()) {
      BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
      int n = 0;
      Query single = null;
      for (Item item : group.alternatives()) {
        Query q = itemQuery(item, analyzer, highlight);
        if (q != null) {
          alternatives.add(q, Occur.SHOULD);
          single = q;
          n++;
        }
      }
      if (n == 1) {
        groupQueries.add(single);
      } else if (n > 1) {
        groupQueries.add(alternatives.build());
      }
    }
    if (groupQueries.isEmpty()) {
      return new Compiled(null, Set.of());
    }
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    for (Query q : groupQueries) {
      top.add(q, Occur.SHOULD);
    }
    if (groupQueries.size() > 1) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      for (Query q : groupQueries) {
        all.add(q, Occur.FILTER);
      }
      top.add(new BoostQuery(new ConstantScoreQuery(all.build()), ALL_WORDS_BONUS), Occur.SHOULD);
    }
    for (Item item : parsed.exclusions()) {
      Query q = itemQuery(item, analyzer, null);
      if (q != null) {
        top.add(q, Occur.MUST_NOT);
      }
    }
    return new Compiled(top.build(), Set.copyOf(highlight));
  }

  /** The query for one word or phrase, or null when the analyzer leaves nothing of it. */
  private static Query itemQuery(Item item, Analyzer analyzer, Set<String> highlight) {
    return switch (item.field()) {
      case ANY -> fieldQuery(Schema.TEXT, item, analyzer, highlight);
      case TITLE -> fieldQuery(Schema.TITLE, item, analyzer, null);
      case SOURCE -> fieldQuery(Schema.SOURCE, item, analyzer, null);
    };
  }

  /**
   * Analyzes the item's text for one field: one position gives a term (or a synonym set where the
   * analyzer stacks terms), several give a phrase that keeps the gaps of removed stop words.
   */
  private static Query fieldQuery(String field, Item item, Analyzer analyzer, Set<String> highlight) {
    List<List<Term>> stacks = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, item.text())) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        int step = inc.getPositionIncrement();
        Term t = new Term(field, term.toString());
        if (step == 0 && !stacks.isEmpty()) {
          stacks.getLast().add(t);
        } else {
          pos += Math.max(step, 1);
          List<Term> stack = new ArrayList<>();
          stack.add(t);
          stacks.add(stack);
          positions.add(pos);
        }
        if (highlight != null) {
          highlight.add(t.text());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (stacks.isEmpty()) {
      return null;
    }
    if (stacks.size() == 1) {
      List<Term> only = stacks.getFirst();
      if (only.size() == 1) {
        return new TermQuery(only.getFirst());
      }
      SynonymQuery.Builder syn = new SynonymQuery.Builder(field);
      only.forEach(syn::addTerm);
      return syn.build();
    }
    boolean stacked = stacks.stream().anyMatch(s -> s.size() > 1);
    int base = positions.getFirst();
    if (!stacked) {
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
}
