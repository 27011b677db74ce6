package org.depeche.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOSupplier;
import org.depeche.Snippet;
import org.depeche.analysis.FrenchNewsAnalyzer;
import org.depeche.analysis.UnstemmedTermAttribute;
import org.depeche.index.DocOrder;
import org.depeche.index.Schema;

/**
 * Makes the snippet of a passage: each token whose term the query looks for marked, and a long
 * passage cut to the window that holds the most distinct matched terms.
 *
 * <p>The tokens marked are exactly those the index's analyzer matched: {@code securite}
 * highlights « sécurité », {@code l'ONU} highlights « ONU ». Given the passage's document, the
 * positions of the query's terms come from its {@link Schema#TEXT} postings, and the passage is
 * tokenized only as far as positions and offsets go ({@link FrenchNewsAnalyzer#unstemmed()}: no
 * lemma dictionary, whose walks for words not seen yet were most of a snippet's cost); a token is
 * marked when its position holds a term looked for. Where that cannot tell which token is meant — a
 * hyphenated word's joined form stacked on its first part, at one position — or the tokens do not
 * account for every position found, or the analyzer is not {@link FrenchNewsAnalyzer}'s, the passage
 * is analyzed again with the index's analyzer, as without a document. Both give the same snippet.
 *
 * <p>Stateless and thread-safe, given a thread-safe analyzer.
 */
public final class SnippetMaker {
  /** The longest snippet, in characters, before a passage is cut around its matches. */
  public static final int DEFAULT_MAX_CHARS = 320;

  private static final String ELLIPSIS = "…";

  /** The analyzer's chain up to its stemmer: the positions and offsets of the index's tokens. */
  private static final Analyzer TOKENS = FrenchNewsAnalyzer.unstemmed();

  private SnippetMaker() {}

  /** Returns the snippet of {@code text} for a query looking for {@code terms}, analyzing it with {@code analyzer}. */
  public static Snippet snippet(String text, Set<String> terms, Analyzer analyzer, int maxChars) {
    return snippet(text, analyzed(text, terms, analyzer), maxChars);
  }

  /**
   * Returns the snippets of the passage documents {@code docIds} of {@code reader}, whose stored
   * texts are {@code texts}, for a query looking for {@code terms}: the snippets {@link
   * #snippet(String, Set, Analyzer, int)} makes when {@code analyzer} is the one that indexed them,
   * for less work. The postings are read once per segment, in document order, each term sought
   * only in the segments holding the documents.
   *
   * <pre>{@code
   * List<Snippet> s = SnippetMaker.snippets(reader, new int[] {42, 7}, texts, terms, analyzer, 320);
   * }</pre>
   */
  public static List<Snippet> snippets(IndexReader reader, int[] docIds, List<String> texts, Set<String> terms,
      Analyzer analyzer, int maxChars) {
    return snippets(reader, null, docIds, texts, terms, analyzer, maxChars);
  }

  /**
   * {@link #snippets(IndexReader, int[], List, Set, Analyzer, int)}, where the postings of the terms
   * {@code docFreqs} looked up already (a search's, for its term queries) are read from their states
   * rather than sought again; the others are sought in the segments holding the documents only, as
   * {@link DocFreqs#states} would look them up in every segment. States looked up in another reader
   * than {@code reader} (null {@code docFreqs}, or one of another index or of the index before a
   * commit) are not used: a segment's state is a place in that segment's files only.
   */
  static List<Snippet> snippets(IndexReader reader, DocFreqs docFreqs, int[] docIds, List<String> texts,
      Set<String> terms, Analyzer analyzer, int maxChars) {
    int[][] idsAt = terms.isEmpty() || !tokensAsUnstemmed(analyzer)
        ? new int[docIds.length][]
        : termsAt(reader, docFreqs, docIds, terms);
    List<Snippet> out = new ArrayList<>(docIds.length);
    for (int i = 0; i < docIds.length; i++) {
      String text = texts.get(i);
      List<int[]> spans = terms.isEmpty() ? new ArrayList<>() : idsAt[i] == null ? null : indexed(text, idsAt[i]);
      out.add(snippet(text, spans != null ? spans : analyzed(text, terms, analyzer), maxChars));
    }
    return out;
  }

  private static Snippet snippet(String text, List<int[]> spans, int maxChars) {
    if (text.length() <= maxChars) {
      return new Snippet(text, toMatches(spans, 0, text.length(), 0));
    }
    int[] window = bestWindow(text, spans, maxChars);
    int from = window[0];
    int to = window[1];
    String prefix = from > 0 ? ELLIPSIS + " " : "";
    String suffix = to < text.length() ? " " + ELLIPSIS : "";
    String cut = prefix + text.substring(from, to) + suffix;
    return new Snippet(cut, toMatches(spans, from, to, prefix.length() - from));
  }

  /** The [start, end, term id] of each token whose term is looked for, from a full analysis. */
  private static List<int[]> analyzed(String text, Set<String> terms, Analyzer analyzer) {
    List<int[]> spans = new ArrayList<>();
    if (terms.isEmpty()) {
      return spans;
    }
    List<String> ids = new ArrayList<>(terms);
    try (TokenStream ts = analyzer.tokenStream(Schema.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        if (terms.contains(t)) {
          add(spans, offset.startOffset(), offset.endOffset(), ids.indexOf(t));
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return spans;
  }

  /**
   * Whether {@code analyzer} (or the one it gives {@link Schema#TEXT} to) is a {@link
   * FrenchNewsAnalyzer} with a stemmer, whose tokens are {@link #TOKENS}' stemmed one for one: its
   * tokens carry their {@link UnstemmedTermAttribute}.
   */
  private static boolean tokensAsUnstemmed(Analyzer analyzer) {
    try (TokenStream ts = analyzer.tokenStream(Schema.TEXT, "")) {
      return ts.hasAttribute(UnstemmedTermAttribute.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The [start, end, term id] of each token of {@code text} at a position where {@code idAt} has a
   * term; null when the tokens cannot say (see the class comment).
   */
  private static List<int[]> indexed(String text, int[] idAt) {
    int found = 0;
    int last = -1;
    for (int position = 0; position < idAt.length; position++) {
      if (idAt[position] >= 0) {
        found++;
        last = position;
      }
    }
    List<int[]> spans = new ArrayList<>();
    if (found == 0) {
      return spans;
    }
    try (TokenStream ts = TOKENS.tokenStream(Schema.TEXT, text)) {
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      // Past the last position looked for (and a token stacked on it), the rest cannot be marked.
      while (position <= last && ts.incrementToken()) {
        int inc = increment.getPositionIncrement();
        position += inc;
        if (position >= idAt.length || idAt[position] < 0) {
          continue;
        }
        if (inc == 0) {
          // A second token at a position looked for: which of the two holds the term, only their
          // terms can tell.
          return null;
        }
        add(spans, offset.startOffset(), offset.endOffset(), idAt[position]);
        found--;
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found == 0 ? spans : null;
  }

  /**
   * For each document, the id (index in {@code terms}' order) of the term looked for at each
   * position of the passage's own text, -1 where none is; null for a document where two are at one
   * position. Each segment's postings are read forward, the documents taken in increasing order.
   */
  private static int[][] termsAt(IndexReader reader, DocFreqs docFreqs, int[] docIds, Set<String> terms) {
    // As a TermQuery's weight checks the states it was given: the same reader, not only as many segments.
    boolean sameReader = docFreqs != null && docFreqs.reader().getContext() == reader.getContext();
    BytesRef[] bytes = new BytesRef[terms.size()];
    TermStates[] states = new TermStates[terms.size()];
    int t = 0;
    for (String term : terms) {
      bytes[t] = new BytesRef(term);
      states[t] = sameReader ? docFreqs.lookedUp(new Term(Schema.TEXT, bytes[t])) : null;
      t++;
    }
    List<LeafReaderContext> leaves = reader.leaves();
    int[] order = DocOrder.of(docIds);
    int[][] out = new int[docIds.length][];
    PostingsEnum[] postings = new PostingsEnum[bytes.length];
    LeafReaderContext leaf = null;
    int previous = -1;
    try {
      for (int i : order) {
        int doc = docIds[i];
        if (previous >= 0 && docIds[previous] == doc) {
          // Asked twice: the postings are past its positions, read already.
          out[i] = out[previous];
          continue;
        }
        previous = i;
        if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
          leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          seek(leaf, bytes, states, postings);
        }
        out[i] = termsAt(postings, doc - leaf.docBase);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Sets {@code postings} to those of the terms in {@code leaf}'s {@link Schema#TEXT}, null for a term
   * absent: positioned from the term's state in the segment where the search looked it up ({@code
   * states}, null for a term it did not), sought in the segment's terms otherwise.
   */
  private static void seek(LeafReaderContext leaf, BytesRef[] terms, TermStates[] states, PostingsEnum[] postings)
      throws IOException {
    Arrays.fill(postings, null);
    Terms field = leaf.reader().terms(Schema.TEXT);
    if (field == null) {
      return;
    }
    TermsEnum te = field.iterator();
    for (int i = 0; i < terms.length; i++) {
      boolean found;
      if (states[i] == null) {
        found = te.seekExact(terms[i]);
      } else {
        IOSupplier<TermState> state = states[i].get(leaf);
        TermState known = state == null ? null : state.get();
        found = known != null;
        if (found) {
          te.seekExact(terms[i], known);
        }
      }
      if (found) {
        postings[i] = te.postings(null, PostingsEnum.POSITIONS);
      }
    }
  }

  /** {@link #termsAt(IndexReader, DocFreqs, int[], Set)} for one document, not before any the postings were moved to. */
  private static int[] termsAt(PostingsEnum[] postings, int doc) throws IOException {
    int[] idAt = new int[0];
    for (int id = 0; id < postings.length; id++) {
      PostingsEnum p = postings[id];
      if (p == null || (p.docID() < doc ? p.advance(doc) : p.docID()) != doc) {
        continue;
      }
      for (int k = p.freq(); k > 0; k--) {
        int position = p.nextPosition();
        if (position >= Schema.TITLE_POSITION) {
          break;
        }
        if (position >= idAt.length) {
          int length = idAt.length;
          idAt = Arrays.copyOf(idAt, Math.max(position + 1, 2 * length));
          Arrays.fill(idAt, length, idAt.length, -1);
        }
        if (idAt[position] >= 0) {
          return null;
        }
        idAt[position] = id;
      }
    }
    return idAt;
  }

  /** Adds a matched token's span; stacked tokens (a compound and its parts) share offsets: keeps the widest, once. */
  private static void add(List<int[]> spans, int start, int end, int id) {
    if (!spans.isEmpty() && start < spans.getLast()[1]) {
      int[] last = spans.getLast();
      last[1] = Math.max(last[1], end);
      return;
    }
    spans.add(new int[] {start, end, id});
  }

  /** The [from, to) window of at most maxChars, at word boundaries, with the most distinct terms. */
  private static int[] bestWindow(String text, List<int[]> spans, int maxChars) {
    int bestFrom = 0;
    int bestEnd = 0;
    int bestScore = -1;
    for (int k = 0; k < spans.size(); k++) {
      int from = spans.get(k)[0];
      Set<Integer> seen = new HashSet<>();
      int hits = 0;
      int end = from;
      for (int j = k; j < spans.size() && spans.get(j)[1] <= from + maxChars; j++) {
        seen.add(spans.get(j)[2]);
        hits++;
        end = spans.get(j)[1];
      }
      int score = seen.size() * 1000 + hits;
      if (score > bestScore) {
        bestScore = score;
        bestFrom = from;
        bestEnd = end;
      }
    }
    // Start a little before the first match (at a sentence start when one is near), but never so
    // early that the window loses a match it was chosen for.
    int lead = Math.min(maxChars / 4, Math.max(0, maxChars - (bestEnd - bestFrom)));
    int from = Math.max(0, bestFrom - lead);
    int sentence = Math.max(text.lastIndexOf(". ", bestFrom), text.lastIndexOf("« ", bestFrom));
    if (sentence >= from) {
      from = sentence + 2;
    } else {
      from = wordStart(text, from);
    }
    int to = Math.min(text.length(), from + maxChars);
    if (to < text.length()) {
      int space = text.lastIndexOf(' ', to);
      if (space >= bestEnd) {
        to = space;
      }
    }
    return new int[] {from, to};
  }

  private static int wordStart(String text, int at) {
    if (at == 0) {
      return 0;
    }
    int space = text.indexOf(' ', at);
    return space < 0 ? at : space + 1;
  }

  private static List<Snippet.Match> toMatches(List<int[]> spans, int from, int to, int shift) {
    List<Snippet.Match> out = new ArrayList<>();
    for (int[] s : spans) {
      if (s[0] >= from && s[1] <= to) {
        out.add(new Snippet.Match(s[0] + shift, s[1] + shift));
      }
    }
    return out;
  }
}
