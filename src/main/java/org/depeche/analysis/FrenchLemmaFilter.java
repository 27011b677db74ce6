package org.depeche.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import morfologik.fsa.FSA;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Replaces a folded, lower-case French word by its lemma, folded too, when LanguageTool's French
 * dictionary ({@code org.languagetool:french-pos-dict}, 506,821 forms) gives it one: {@code
 * "faisait"} → {@code faire}, {@code "elections"} → {@code election}, {@code "presidentes"} →
 * {@code president}, {@code "coeur"} → {@code coeur}.
 *
 * <p>The word comes folded (no accents, {@code œ} as {@code oe}), so that a word typed with or
 * without its accents gets the same lemma: it stands for its most frequent spellings with accents
 * or ligatures in the dictionary, whose lemmas are pooled. {@code "securite"} is {@code
 * sécurité}; {@code "fera"} is the verb, not the rare fish {@code féra}; {@code "eleve"} is
 * {@code élevé}, more frequent than {@code élève}, so the verb {@code élever}.
 *
 * <p>A word with several lemmas is left as it is ({@code "suis"}: "am" or "follow"): the
 * dictionary has no frequencies of lemmas to choose by, and a wrong lemma would join words that
 * have nothing in common, where the word itself joins nothing. Three things do not count as
 * several lemmas: lemmas that folding and the minimal stemmer following this filter make one
 * term; an adjective beside the past participle it is ({@code
 * "situe"}: {@code situé} the adjective, and {@code situer}); and a noun beside verbs and
 * adjectives, which is taken ({@code "avions"}: planes, not "had"; {@code "est"}: the east, not
 * "is" — the noun is what a search for the word most likely means, and the verb forms of {@code
 * avoir} and {@code être} are stop words). A word the dictionary does not know is left as it is
 * ({@code "royaumeuni"}, {@code "macron"}).
 *
 * <p>The dictionary (1.1 MB) is read once per process, the first time a filter is made, and
 * shared. Like every {@link TokenStream}, an instance serves one thread at a time.
 */
final class FrenchLemmaFilter extends TokenFilter {
  /** Longer words are compounds and names, not worth walking the dictionary for: left as they are. */
  private static final int MAX_LENGTH = 24;

  /** Words with more spellings than this are left alone (none in French has nearly as many). */
  private static final int MAX_SPELLINGS = 16;

  /**
   * How many words a filter remembers (about 10 MB): text repeats its words, and a lookup costs a
   * walk of the dictionary, about 5 µs, against a tenth of that to remember.
   */
  private static final int CACHE_SIZE = 100_000;

  /** The accented letters and ligatures of French, by the ASCII letter they fold to. */
  private static final String[] ACCENTED = new String[128];

  static {
    Arrays.fill(ACCENTED, "");
    ACCENTED['a'] = "àâäæ";
    ACCENTED['c'] = "ç";
    ACCENTED['e'] = "éèêë";
    ACCENTED['i'] = "îï";
    ACCENTED['o'] = "ôöœ";
    ACCENTED['u'] = "ùûü";
    ACCENTED['y'] = "ÿ";
  }

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
  private final DictionaryLookup lookup = new DictionaryLookup(Shared.DICTIONARY);
  private final FSA fsa = Shared.DICTIONARY.fsa;
  private final List<String> spellings = new ArrayList<>();
  private final StringBuilder spelling = new StringBuilder();
  private final LemmaCache cache = new LemmaCache();

  FrenchLemmaFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (keywordAtt.isKeyword() || termAtt.length() > MAX_LENGTH) {
      return true;
    }
    char[] entry = cache.get(termAtt.buffer(), termAtt.length());
    if (entry == null) {
      String found = isWord() ? lemma() : null;
      char[] lemma = found == null ? termAtt.toString().toCharArray() : fold(found).toCharArray();
      if (cache.size() >= CACHE_SIZE) {
        cache.clear();
      }
      cache.put(termAtt.buffer(), termAtt.length(), lemma);
      termAtt.copyBuffer(lemma, 0, lemma.length);
    } else {
      int start = LemmaCache.lemmaStart(entry);
      termAtt.copyBuffer(entry, start, entry.length - start);
    }
    return true;
  }

  /** Whether the term, no longer than {@link #MAX_LENGTH}, is ASCII, as folded words are. */
  private boolean isWord() {
    int length = termAtt.length();
    char[] buffer = termAtt.buffer();
    for (int i = 0; i < length; i++) {
      if (buffer[i] >= 128) {
        return false;
      }
    }
    return true;
  }

  /**
   * The one lemma of the term's commonest spellings in the dictionary; null when they have none or
   * several.
   */
  private String lemma() {
    spellings.clear();
    spelling.setLength(0);
    walk(fsa.getRootNode(), 0);
    if (spellings.size() > MAX_SPELLINGS) {
      return null;
    }
    char commonest = 0;
    String lemma = null;
    for (String s : spellings) {
      List<WordData> readings = lookup.lookup(s);
      char frequency = frequency(readings);
      if (frequency > commonest) {
        commonest = frequency;
        lemma = onlyLemma(readings);
      } else if (frequency == commonest && lemma != null) {
        String other = onlyLemma(readings);
        lemma = other != null && sameLemma(lemma, other) ? lemma : null;
      }
    }
    return lemma;
  }

  /**
   * The frequency class of a spelling, from {@code A} (rare) up, which the dictionary writes at
   * the end of each reading's tag: {@code "fera"} is {@code M}, {@code "féra"} (a fish) {@code C}.
   */
  private static char frequency(List<WordData> readings) {
    CharSequence tag = readings.get(0).getTag();
    return tag.charAt(tag.length() - 1);
  }

  /**
   * Walks the automaton from {@code node} along the term from {@code at}, each letter matching
   * itself or one of its accented forms ({@code oe} matching {@code œ} too), and adds each whole
   * form reached to {@link #spellings}.
   */
  private void walk(int node, int at) {
    if (spellings.size() > MAX_SPELLINGS) {
      return;
    }
    if (at == termAtt.length()) {
      if (fsa.getArc(node, Shared.SEPARATOR) != 0) {
        spellings.add(spelling.toString());
      }
      return;
    }
    char c = termAtt.charAt(at);
    String variants = ACCENTED[c];
    // The letter itself (v = -1), then its accented forms, through one call of step: the JIT
    // inlines this recursion, and a second call site doubled the code it compiled for it.
    for (int v = -1; v < variants.length(); v++) {
      char letter = v < 0 ? c : variants.charAt(v);
      int consumed = 1;
      if (letter == 'œ' || letter == 'æ') {
        if (at + 1 == termAtt.length() || termAtt.charAt(at + 1) != 'e') {
          continue;
        }
        consumed = 2;
      }
      step(node, at, letter, consumed, v < 0 ? Shared.ASCII[c] : Shared.UTF8[letter - Shared.FIRST]);
    }
  }

  /** Follows {@code bytes} (the UTF-8 of {@code c}) from {@code node}, and walks on from there. */
  private void step(int node, int at, char c, int consumed, byte[] bytes) {
    for (byte b : bytes) {
      int arc = fsa.getArc(node, b);
      if (arc == 0 || fsa.isArcTerminal(arc)) {
        return;
      }
      node = fsa.getEndNode(arc);
    }
    spelling.append(c);
    walk(node, at + consumed);
    spelling.setLength(spelling.length() - 1);
  }

  /**
   * The one lemma of a spelling's readings, in lower case; null when they have several. An
   * adjective reading beside a past participle reading is the participle used as an adjective, and
   * counts as the verb: {@code "situé"} → {@code situer}, not the adjective {@code situé}. Where
   * the readings, all nouns, verbs or adjectives, still have several lemmas, one noun among them is
   * taken: {@code "armées"} → the army, {@code armée}, not {@code armer}; {@code "avions"} → {@code
   * avion}, not {@code avoir}. A word that may be a conjunction, preposition, determiner or pronoun
   * is left alone: {@code "mais"} (from {@code "maïs"}: the conjunction never gets here, being a
   * stop word) is not the plural of the month {@code mai}.
   */
  private static String onlyLemma(List<WordData> readings) {
    boolean participle = false;
    for (WordData reading : readings) {
      participle |= isParticiple(reading.getTag());
    }
    String only = null;
    String noun = null;
    boolean several = false;
    boolean nouns = false;
    boolean content = true;
    for (WordData reading : readings) {
      CharSequence tag = reading.getTag();
      content &= tag.charAt(0) == 'N' || tag.charAt(0) == 'V' || tag.charAt(0) == 'J';
      if (participle && tag.charAt(0) == 'J') {
        continue;
      }
      String next = reading.getStem().toString().toLowerCase(Locale.ROOT);
      if (only == null) {
        only = next;
      } else if (!sameLemma(only, next)) {
        several = true;
      }
      if (tag.charAt(0) == 'N') {
        if (noun == null) {
          noun = next;
        } else if (!sameLemma(noun, next)) {
          nouns = true;
        }
      }
    }
    if (!several) {
      return only;
    }
    return nouns || !content ? null : noun;
  }

  /** Whether two lemmas are one, or differ only by what folding and the minimal stemmer take away. */
  private static boolean sameLemma(String a, String b) {
    return a.equals(b) || key(a).equals(key(b));
  }

  /** Whether a dictionary tag is a verb's past participle: {@code "V ppa m s"}. */
  private static boolean isParticiple(CharSequence tag) {
    return tag.length() > 5 && tag.charAt(0) == 'V' && tag.toString().contains(" ppa ");
  }

  /** The term that folding and the minimal stemmer make of {@code lemma}. */
  private static String key(String lemma) {
    char[] folded = fold(lemma).toCharArray();
    return new String(folded, 0, minimalStem(folded, folded.length));
  }

  private static String fold(String word) {
    char[] chars = word.toCharArray();
    char[] out = new char[4 * chars.length];
    return new String(out, 0, ASCIIFoldingFilter.foldToASCII(chars, 0, out, 0, chars.length));
  }

  /**
   * The length of {@code s} after the rules of Lucene's {@code FrenchMinimalStemFilter}, which
   * follows this filter (its stemmer class is not public): in words of 6 letters or more, {@code
   * -aux} becomes {@code -al}, and a final {@code s}, {@code r}, {@code e}, {@code é} and doubled
   * letter go, in that order.
   */
  static int minimalStem(char[] s, int len) {
    if (len < 6) {
      return len;
    }
    if (s[len - 1] == 'x') {
      if (s[len - 3] == 'a' && s[len - 2] == 'u') {
        s[len - 2] = 'l';
      }
      return len - 1;
    }
    if (s[len - 1] == 's') {
      len--;
    }
    if (s[len - 1] == 'r') {
      len--;
    }
    if (s[len - 1] == 'e') {
      len--;
    }
    if (s[len - 1] == 'é') {
      len--;
    }
    if (s[len - 1] == s[len - 2] && Character.isLetter(s[len - 1])) {
      len--;
    }
    return len;
  }

  /** Reads the dictionary now if no thread has yet: see {@link Analysis#readDictionary()}. */
  static void readDictionary() {
    Objects.requireNonNull(Shared.DICTIONARY);
  }

  /** The dictionary, read when first needed: a filter made means text to analyze. */
  private static final class Shared {
    static final Dictionary DICTIONARY = read();
    static final byte SEPARATOR = DICTIONARY.metadata.getSeparator();
    static final char FIRST = 0xC0;

    /** The UTF-8 bytes, the dictionary's encoding, of the ASCII characters. */
    static final byte[][] ASCII = new byte[128][];

    /** The UTF-8 bytes of the characters U+00C0 to U+017F. */
    static final byte[][] UTF8 = new byte[0x180 - FIRST][];

    static {
      for (char c = 0; c < 128; c++) {
        ASCII[c] = new byte[] {(byte) c};
      }
      for (char c = FIRST; c < 0x180; c++) {
        UTF8[c - FIRST] = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      }
    }

    private static Dictionary read() {
      URL url = FrenchLemmaFilter.class.getResource("/org/languagetool/resource/fr/french.dict");
      if (url == null) {
        throw new IllegalStateException("the French dictionary (french-pos-dict) is not on the classpath");
      }
      try {
        return Dictionary.read(url);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the French dictionary " + url, e);
      }
    }
  }
}
