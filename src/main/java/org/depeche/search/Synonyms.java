package org.depeche.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.depeche.analysis.FrenchNewsAnalyzer;
import org.depeche.search.ParsedQuery.Group;
import org.depeche.search.ParsedQuery.Item;

/**
 * Equivalent words and phrases that a query is expanded with: with {@code ONU, Nations unies}, the
 * query {@code ONU Mali} finds passages with {@code ONU} or the phrase {@code "Nations unies"}, and
 * {@code Mali}; the query {@code Nations unies} finds the phrase or {@code ONU}. Only queries of
 * up to {@value #MAX_QUERY_WORDS} words are expanded.
 *
 * <p>A synonyms file holds one set of equivalents per line, separated by commas; {@code #} starts
 * a comment. Equivalents are compared as the analyzer sees them, so case, accents, plurals, stop
 * words and hyphens do not matter ({@code Etats Unis} is {@code États-Unis}). {@link #defaults()}
 * are the common equivalences of French news shipped with depeche ({@code
 * org/depeche/search/synonyms-fr.txt}).
 *
 * <p>The expansion is made on the parsed query rather than with Lucene's {@code
 * SynonymGraphFilter}: that filter's rule parser refuses the stacked terms our analyzer makes of
 * hyphenated words ({@code États-Unis}) and the gaps of stop words ({@code Organisation des
 * Nations unies}), while the query compiler already turns a multi-word equivalent into a phrase.
 *
 * <p>Immutable and thread-safe.
 */
public final class Synonyms {
  /** The most query words one equivalent may span. */
  static final int MAX_WORDS = 6;

  /**
   * The most words, phrases and {@code OR} groups a query may have to be expanded: a keyword
   * search of a few words gains from the equivalents, while a longer query (a headline, a question)
   * names its subject in other words already, and its equivalents mostly add noise. On the 734
   * OrangeSum headlines (10 to 15 words), expanding cost 0.028 of MRR@10 (docs/relevance.md).
   */
  public static final int MAX_QUERY_WORDS = 4;

  private static final String DEFAULT_RESOURCE = "synonyms-fr.txt";
  private static final Analyzer ANALYZER = new FrenchNewsAnalyzer();
  private static final Synonyms NONE = new Synonyms(Map.of());
  private static final Synonyms DEFAULTS = new Synonyms(null);

  /**
   * Analyzed key ("nation unie") → the equivalents of each entry with that key, as written; null
   * for the {@linkplain #defaults() defaults}, which are read when a query first needs them.
   */
  private final Map<String, List<String>> equivalents;

  private Synonyms(Map<String, List<String>> equivalents) {
    this.equivalents = equivalents == null ? null : Map.copyOf(equivalents);
  }

  /**
   * The shipped equivalences, read and analyzed on first use: a query of more than {@link
   * #MAX_QUERY_WORDS} words never needs them, and analyzing them took about 6 % of a one-query
   * process's main thread (docs/performance-history.md).
   */
  private static final class Defaults {
    static final Map<String, List<String>> EQUIVALENTS = readDefaults();
  }

  private Map<String, List<String>> equivalents() {
    return equivalents != null ? equivalents : Defaults.EQUIVALENTS;
  }

  /** Returns no synonyms: queries are searched as written. */
  public static Synonyms none() {
    return NONE;
  }

  /** Returns the equivalences shipped with depeche ({@code ONU, Nations unies}, …). */
  public static Synonyms defaults() {
    return DEFAULTS;
  }

  /**
   * Reads a synonyms file (UTF-8).
   *
   * @throws IllegalArgumentException naming the file and line of a line that is not a list of two
   *     or more equivalents
   */
  public static Synonyms load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses the text of a synonyms file; {@code name} is used in error messages.
   *
   * <p>{@code parse("ONU, Nations unies\nUE, Union européenne", "mine")} holds two sets.
   *
   * @throws IllegalArgumentException naming the line of a line that is not a list of two or more
   *     equivalents
   */
  public static Synonyms parse(String text, String name) {
    Map<String, Set<String>> sets = new HashMap<>();
    String[] lines = text.split("\\R", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].replaceFirst("#.*", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      List<String> entries = Arrays.stream(line.split(",")).map(String::strip).toList();
      if (entries.size() < 2 || entries.stream().anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException(name + ":" + (n + 1)
            + ": expected two or more equivalents separated by commas");
      }
      for (String entry : entries) {
        String key = key(entry);
        if (key.isEmpty()) {
          throw new IllegalArgumentException(name + ":" + (n + 1) + ": '" + entry + "' holds only stop words");
        }
        Set<String> set = sets.computeIfAbsent(key, k -> new LinkedHashSet<>());
        for (String other : entries) {
          if (!key(other).equals(key)) {
            set.add(other);
          }
        }
      }
    }
    Map<String, List<String>> equivalents = new HashMap<>();
    sets.forEach((k, v) -> equivalents.put(k, List.copyOf(v)));
    return new Synonyms(equivalents);
  }

  /** Returns how many words or phrases have equivalents. */
  public int size() {
    return equivalents().size();
  }

  /**
   * Returns the query with the equivalents of its words and phrases added as alternatives. Words
   * in a row that together make an equivalent ({@code Nations unies}) become one alternative, the
   * phrase, beside its equivalents. Words restricted to a field, prefixes and excluded words are
   * left as they are, and so is a query of more than {@link #MAX_QUERY_WORDS} groups.
   */
  ParsedQuery expand(ParsedQuery query) {
    if (query.groups().size() > MAX_QUERY_WORDS || equivalents().isEmpty()) {
      return query;
    }
    List<Group> groups = query.groups();
    List<Group> expanded = new ArrayList<>();
    int i = 0;
    while (i < groups.size()) {
      int end = longestRunMatch(groups, i);
      if (end > i + 1) {
        Item first = groups.get(i).alternatives().getFirst();
        StringBuilder words = new StringBuilder();
        for (int k = i; k < end; k++) {
          words.append(k > i ? " " : "").append(groups.get(k).alternatives().getFirst().text());
        }
        Item phrase = new Item(ParsedQuery.Field.ANY, words.toString(), true, false, first.position());
        List<Item> alternatives = new ArrayList<>(List.of(phrase));
        alternatives.addAll(equivalentsOf(phrase));
        expanded.add(new Group(alternatives));
        i = end;
        continue;
      }
      List<Item> alternatives = new ArrayList<>();
      for (Item item : groups.get(i).alternatives()) {
        alternatives.add(item);
        if (item.field() == ParsedQuery.Field.ANY && !item.prefix()) {
          alternatives.addAll(equivalentsOf(item));
        }
      }
      expanded.add(new Group(alternatives));
      i++;
    }
    return new ParsedQuery(expanded, query.exclusions());
  }

  /** Returns the end (exclusive) of the longest run of plain words from {@code start} that has equivalents, or -1. */
  private int longestRunMatch(List<Group> groups, int start) {
    int end = start;
    while (end < groups.size() && end - start < MAX_WORDS && isPlainWord(groups.get(end))) {
      end++;
    }
    for (; end > start + 1; end--) {
      StringBuilder words = new StringBuilder();
      for (int k = start; k < end; k++) {
        words.append(' ').append(groups.get(k).alternatives().getFirst().text());
      }
      if (equivalents().containsKey(key(words.toString()))) {
        return end;
      }
    }
    return -1;
  }

  private static boolean isPlainWord(Group group) {
    if (group.alternatives().size() != 1) {
      return false;
    }
    Item item = group.alternatives().getFirst();
    return item.field() == ParsedQuery.Field.ANY && !item.phrase() && !item.prefix();
  }

  private List<Item> equivalentsOf(Item item) {
    List<String> texts = equivalents().getOrDefault(key(item.text()), List.of());
    return texts.stream()
        .map(t -> new Item(ParsedQuery.Field.ANY, t, t.strip().contains(" "), false, item.position()))
        .toList();
  }

  /**
   * The analyzed words of a text, one per position, stop words left out: a hyphenated word gives
   * its parts, not its parts written together, so that {@code États-Unis} and {@code Etats Unis}
   * have one key, {@code etat uni}.
   */
  private static String key(String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream ts = ANALYZER.tokenStream(org.depeche.index.Schema.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() == 0 && !words.isEmpty()) {
          words.set(words.size() - 1, term.toString());
        } else {
          words.add(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return String.join(" ", words);
  }

  private static Map<String, List<String>> readDefaults() {
    try (InputStream in = Synonyms.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE).equivalents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
