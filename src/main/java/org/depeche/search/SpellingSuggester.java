package org.depeche.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.depeche.index.PassageRecord;
import org.depeche.index.Schema;
import org.depeche.search.ParsedQuery.Group;
import org.depeche.search.ParsedQuery.Item;

/**
 * Suggests a correction of a query from the index's own words: {@code Heapey} → {@code Heappey},
 * {@code Bamacko} → {@code Bamako}.
 *
 * <p>A word of the query is corrected when the index does not hold it, or holds it in fewer than
 * {@value #FEW_HITS} passages while a close word (at most two edits, with Lucene's {@link
 * DirectSpellChecker}) is at least {@value #MORE_POPULAR} times as frequent. The rule looks at the
 * word, not at the query's hits, so that a filter that leaves few passages does not make correct
 * words look misspelled. Words are
 * compared unstemmed ({@link Schema#WORDS}), so a suggestion is a word as written, not a stem; it
 * is shown as the passages write it, accents and capitals included, taken from a few passages
 * that hold it. A search asks for a suggestion only when its results leave room for one (see
 * {@link org.depeche.SearchResults#suggestion()}).
 *
 * <p>Stateless and thread-safe.
 */
final class SpellingSuggester {
  /** A word in fewer passages than this may be corrected to a much more frequent one. */
  static final int FEW_HITS = 3;

  /** How much more frequent a correction of a word the index holds must be. */
  static final int MORE_POPULAR = 10;

  /**
   * How many close words the spell checker ranks by frequency: its candidates are first kept by
   * edit distance, then by term order; with the default five, "macrn" loses "macron" (frequent) to
   * "macon" (rare) at the same distance.
   */
  private static final int INSPECTIONS = 100;

  /** How many passages holding a suggested word are read to see how it is written. */
  private static final int SPELLINGS_READ = 5;

  private SpellingSuggester() {}

  /**
   * Returns the query with its misspelled words replaced, or null when every word is fine or has
   * no close word in the index.
   *
   * @param docFreqs the counts of {@code searcher}'s reader
   */
  static String suggest(String query, ParsedQuery parsed, IndexSearcher searcher, Analyzer analyzer,
      DocFreqs docFreqs) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    StringBuilder suggestion = new StringBuilder(query);
    boolean changed = false;
    List<Item> items = new ArrayList<>();
    for (Group g : parsed.groups()) {
      items.addAll(g.alternatives());
    }
    // Right to left, so that a replacement leaves the offsets of the earlier words valid.
    for (Item item : items.reversed()) {
      if (item.field() != ParsedQuery.Field.ANY || item.prefix()) {
        continue;
      }
      int base = query.indexOf(item.text(), item.position() - 1);
      if (base < 0) {
        continue;
      }
      for (Word w : words(item.text(), analyzer).reversed()) {
        int df = docFreqs.of(new Term(Schema.WORDS, w.term()));
        if (df >= FEW_HITS) {
          continue;
        }
        SuggestWord found = ClosestTerm.of(new Term(Schema.WORDS, w.term()), reader,
            df == 0 ? SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX : SuggestMode.SUGGEST_MORE_POPULAR, INSPECTIONS);
        if (found == null || found.freq < (long) MORE_POPULAR * df) {
          continue;
        }
        String written = spelling(found.string, searcher, analyzer);
        suggestion.replace(base + w.start(), base + w.end(), written);
        changed = true;
      }
    }
    return changed ? suggestion.toString() : null;
  }

  /** A word of a query item: its unstemmed term and its offsets in the item's text. */
  private record Word(String term, int start, int end) {}

  private static List<Word> words(String text, Analyzer analyzer) throws IOException {
    List<Word> words = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(Schema.WORDS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      int lastEnd = -1;
      while (ts.incrementToken()) {
        // A hyphenated word gives itself and its parts: correct the whole word only.
        if (offset.startOffset() >= lastEnd) {
          words.add(new Word(term.toString(), offset.startOffset(), offset.endOffset()));
          lastEnd = offset.endOffset();
        }
      }
      ts.end();
    }
    return words;
  }

  /** The most frequent way the passages holding {@code term} write it. */
  private static String spelling(String term, IndexSearcher searcher, Analyzer analyzer) throws IOException {
    Map<String, Integer> spellings = new HashMap<>();
    ScoreDoc[] docs = searcher.search(new TermQuery(new Term(Schema.WORDS, term)), SPELLINGS_READ).scoreDocs;
    int[] docIds = new int[docs.length];
    Arrays.setAll(docIds, i -> docs[i].doc);
    for (PassageRecord doc : PassageRecord.read(searcher.getIndexReader(), docIds)) {
      for (String text : new String[] {doc.text(), doc.title()}) {
        if (text == null) {
          continue;
        }
        try (TokenStream ts = analyzer.tokenStream(Schema.WORDS, text)) {
          CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
          OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            if (t.toString().equals(term)) {
              spellings.merge(text.substring(offset.startOffset(), offset.endOffset()), 1, Integer::sum);
            }
          }
          ts.end();
        }
      }
    }
    return spellings.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(term);
  }
}
