package org.depeche.analysis;

import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzer for French news text, used alike when indexing, when searching and by {@code
 * depeche analyze}.
 *
 * <p>It turns text into terms in this order:
 *
 * <ol>
 *   <li>apostrophes {@code ’ ʼ ‘} become {@code '}, and hyphens {@code - ‐ ‑} become {@code _},
 *       one character for one so that offsets still point into the original text;
 *   <li>the {@link StandardTokenizer} cuts words (Unicode UAX#29), keeping {@code _} inside them;
 *   <li>hyphenated words are split into parts at consecutive positions, and the parts written
 *       together are added at the first part's position ({@code "Royaume-Uni"} → {@code
 *       royaumeuni} + {@code royaume}, {@code uni}); the euphonic {@code t} of {@code "a-t-il"} is
 *       dropped;
 *   <li>an elided {@linkplain #DEFAULT_ARTICLES article} is removed, in any case ({@code "L’ONU"}
 *       → {@code ONU}, starting at offset 2);
 *   <li>lower case;
 *   <li>{@linkplain #DEFAULT_STOP_SET stop words} are removed, leaving a gap in positions so
 *       that phrases stay exact;
 *   <li>accents and ligatures are folded to ASCII ({@code "Œuvre"} → {@code oeuvre}); the word
 *       so far stays on the token as its {@link UnstemmedTermAttribute};
 *   <li>a word is replaced by its lemma from LanguageTool's French dictionary when the dictionary
 *       gives it one lemma ({@code "faisait"} → {@code faire}; see {@code FrenchLemmaFilter});
 *   <li>a minimal stemmer ({@link FrenchMinimalStemFilter}) takes off the plural and feminine
 *       endings the dictionary did not: those of unknown words and of words with several lemmas.
 * </ol>
 *
 * <p>Examples of the terms produced (a {@code _} is the gap of a removed stop word):
 *
 * <pre>
 *   "L’ONU"                        → onu
 *   "sécurité", "securite"          → securit
 *   "les militaires britanniques"   → _ militair britanniqu
 *   "il faisait", "il fera"         → _ faire
 *   "Le Royaume-Uni"               → _ royaumeuni|royaum unir
 *   "a-t-il ajouté"                → _ _ ajout
 *   "COVID-19"                     → covid19|covid 19
 *   "14,5 %"                       → 14,5
 * </pre>
 *
 * <p>Folding comes before the dictionary, so an accented word and the same word typed without
 * accents always give the same term: a folded word stands for its commonest accented spellings.
 * Lemmas conflate what a suffix stemmer cannot ({@code fait}, {@code faisait}, {@code fera}) and
 * keep apart what it joins ({@code maïs} and {@code mai}, {@code deux} and {@code deuxième}). On
 * the content words of the UD French treebanks (test class {@code StemOrderEvaluation}), this
 * chain conflates 97.7 % of a lemma's occurrences at precision 95.3 %, against 92.3 % at 91.7 %
 * with {@link #lightStemmed() the light stemmer} and 92.2 % at 92.1 % for Lucene's {@code
 * FrenchAnalyzer}, and keeps 99.4 % of accented occurrences with their unaccented spelling.
 *
 * <p>Names that begin with a stop word keep only their other words: {@code "Le Pen"} → {@code _
 * pen}, {@code "La Poste"} → {@code _ post}. The query is analyzed the same way, so such names
 * are still found, and as phrases too.
 *
 * <p>Instances are thread-safe: like every Lucene analyzer, one instance keeps a separate token
 * stream per thread.
 */
public final class FrenchNewsAnalyzer extends Analyzer {
  /**
   * The position gap between two values of one field: more positions than any passage holds (a
   * passage is cut at about 120 words, 480 at the very most), so that the second value's positions
   * tell it from the first.
   */
  public static final int POSITION_GAP = 10_000;

  /**
   * The elided words removed before an apostrophe, in any case: {@code l' d' j' m' n' s' t' c'
   * qu' jusqu' lorsqu' puisqu' quoiqu'}. {@code "Jusqu’à"} → {@code à} (then a stop word).
   */
  public static final CharArraySet DEFAULT_ARTICLES =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              Arrays.asList(
                  "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
                  "quoiqu"),
              true));

  /**
   * Interrogative words, added to Lucene's French stop set: a question (« Quel pays a envoyé des
   * troupes au Mali ? ») is answered by a passage that does not repeat them. On the PIAF
   * questions, removing them raised MRR@10 by 0.004.
   */
  static final List<String> QUESTION_WORDS = List.of(
      "où", "combien", "comment", "pourquoi", "quand", "quel", "quelle", "quels", "quelles",
      "lequel", "laquelle", "lesquels", "lesquelles", "quoi");

  /**
   * The stop words: Lucene's {@link FrenchAnalyzer#getDefaultStopSet() French stop set} plus the
   * same words without accents, so that {@code à} and {@code a}, {@code même} and {@code meme}
   * are all removed. Compared in lower case, before accents are folded.
   *
   * <p>Removing stop words before folding keeps the accented words that fold onto a stop word:
   * {@code né} → {@code ne}, {@code sûr} → {@code sur}, {@code dû} → {@code du}, {@code maïs} →
   * {@code mais} are indexed, and found when typed with their accent (typed without, they are
   * stop words). The set has no {@code été} (summer as well as "been"), {@code est} (east as well
   * as "is") nor {@code avions} (planes as well as "had"): they stay searchable.
   */
  public static final CharArraySet DEFAULT_STOP_SET = withFolded(stopWords());

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(FrenchAnalyzer.getDefaultStopSet(), false);
    set.addAll(QUESTION_WORDS);
    return set;
  }

  /** What the last steps make of a word. */
  private enum Stemming {
    /** Lemmas, then the minimal stemmer: the default. */
    LEMMA,
    /** The light stemmer alone: depeche's analyzer before lemmas. */
    LIGHT,
    /** Neither: words as written, folded. */
    NONE
  }

  private final Stemming stemming;

  /** The analyzer with every step above. */
  public FrenchNewsAnalyzer() {
    this(Stemming.LEMMA);
  }

  private FrenchNewsAnalyzer(Stemming stemming) {
    this.stemming = stemming;
  }

  /**
   * Returns the analyzer with Lucene's light stemmer ({@link FrenchLightStemFilter}) in place of
   * lemmas and the minimal stemmer, as depeche analyzed text before it had lemmas, for comparison
   * ({@code depeche index --analyzer depeche-light}): {@code "faisait"} → {@code faisait}, {@code
   * "sécurité"} → {@code securit}.
   */
  public static FrenchNewsAnalyzer lightStemmed() {
    return new FrenchNewsAnalyzer(Stemming.LIGHT);
  }

  /**
   * Returns the analyzer without its last step, the stemmer (the words a stemmed analyzer's
   * tokens also carry, in their {@link UnstemmedTermAttribute}): it gives the words as written, lower
   * case and folded ({@code "les militaires britanniques"} → {@code _ militaires britanniques}), for
   * prefix searches and spelling suggestions that must see whole words, not stems.
   */
  public static FrenchNewsAnalyzer unstemmed() {
    return new FrenchNewsAnalyzer(Stemming.NONE);
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new PunctuationCharFilter(reader);
  }

  /**
   * Returns {@value #POSITION_GAP}: two values of one field (a passage and its article's title) are
   * that far apart, so that no phrase matches across them.
   */
  @Override
  public int getPositionIncrementGap(String fieldName) {
    return POSITION_GAP;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream result = new HyphenatedWordFilter(source);
    result = new FrenchElisionFilter(result, DEFAULT_ARTICLES);
    result = new LowerCaseFilter(result);
    result = new StopFilter(result, DEFAULT_STOP_SET);
    result = new ASCIIFoldingFilter(result);
    switch (stemming) {
      case LEMMA ->
          result = new FrenchMinimalStemFilter(new FrenchLemmaFilter(new UnstemmedTermFilter(result)));
      case LIGHT -> result = new FrenchLightStemFilter(new UnstemmedTermFilter(result));
      case NONE -> {}
    }
    return new TokenStreamComponents(source, result);
  }

  /** Lower case and folding for wildcard and prefix terms: {@code "Sécu*"} searches {@code secu*}. */
  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }

  /** Returns the words of {@code words} and the same words with accents and ligatures folded. */
  private static CharArraySet withFolded(CharArraySet words) {
    CharArraySet all = new CharArraySet(words, false);
    for (Object word : words) {
      char[] chars = (char[]) word;
      char[] out = new char[4 * chars.length];
      int length = ASCIIFoldingFilter.foldToASCII(chars, 0, out, 0, chars.length);
      all.add(new String(out, 0, length));
    }
    return CharArraySet.unmodifiableSet(all);
  }
}
