package org.depeche.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.FrenchStemmer;

/**
 * Measures how analyzer chains conflate words (stemming or lemmas, folding before or after), on
 * the forms and lemmas of the Universal Dependencies French treebanks ({@code ../shared/data/ud-french/form_lemma.tsv}).
 *
 * <p>For content words (nouns, verbs, adjectives, adverbs, proper nouns), each weighted by its
 * count in the treebanks, it prints:
 *
 * <ul>
 *   <li><b>recall</b>: the share of a lemma's occurrences whose form gives the lemma's most common
 *       term — do {@code militaire} and {@code militaires} meet?
 *   <li><b>precision</b>: the share of a term's occurrences that belong to the term's most common
 *       lemma — do {@code deux} and {@code deuxième} stay apart?
 *   <li><b>accents</b>: the share of accented occurrences whose form typed without accents gives
 *       the same term — does {@code boulangere} find {@code boulangère}?
 * </ul>
 *
 * <p>Run with the test classpath: {@code java -cp ... org.depeche.analysis.StemOrderEvaluation
 * [form_lemma.tsv]} ({@code scripts/evaluate} does). It prints a Markdown table and never fails.
 */
public final class StemOrderEvaluation {
  static final Path DEFAULT_DATA = Path.of("../shared/data/ud-french/form_lemma.tsv");
  private static final Set<String> CONTENT = Set.of("NOUN", "VERB", "ADJ", "ADV", "PROPN");

  private record Row(String form, String lemma, int count) {}

  private StemOrderEvaluation() {}

  public static void main(String[] args) throws IOException {
    Path data = args.length > 0 ? Path.of(args[0]) : DEFAULT_DATA;
    List<Row> rows = read(data);
    System.out.printf(
        "%d content forms, %d occurrences, from %s%n%n",
        rows.size(), rows.stream().mapToInt(Row::count).sum(), data);
    System.out.println("| chain | recall | precision | accents | terms |");
    System.out.println("|---|---:|---:|---:|---:|");
    UnaryOperator<TokenStream> stop = in -> new StopFilter(in, FrenchNewsAnalyzer.DEFAULT_STOP_SET);
    UnaryOperator<TokenStream> fold = ASCIIFoldingFilter::new;
    UnaryOperator<TokenStream> light = FrenchLightStemFilter::new;
    UnaryOperator<TokenStream> minimal = FrenchMinimalStemFilter::new;
    UnaryOperator<TokenStream> snowball = in -> new SnowballFilter(in, new FrenchStemmer());
    UnaryOperator<TokenStream> lemma = FrenchLemmaFilter::new;
    Map<String, Analyzer> chains = new LinkedHashMap<>();
    chains.put("depeche (FrenchNewsAnalyzer, lemmas)", new FrenchNewsAnalyzer());
    chains.put("depeche-light (FrenchNewsAnalyzer.lightStemmed)", FrenchNewsAnalyzer.lightStemmed());
    chains.put("lucene-french (stock FrenchAnalyzer)", new FrenchAnalyzer());
    chains.put("stop fold (no stemming)", chain(in -> fold.apply(stop.apply(in))));
    chains.put("stop fold light", chain(in -> light.apply(fold.apply(stop.apply(in)))));
    chains.put("stop light fold", chain(in -> fold.apply(light.apply(stop.apply(in)))));
    chains.put("fold stop light", chain(in -> light.apply(stop.apply(fold.apply(in)))));
    chains.put("stop fold minimal", chain(in -> minimal.apply(fold.apply(stop.apply(in)))));
    chains.put("stop minimal fold", chain(in -> fold.apply(minimal.apply(stop.apply(in)))));
    chains.put("stop fold snowball", chain(in -> snowball.apply(fold.apply(stop.apply(in)))));
    chains.put("stop snowball fold", chain(in -> fold.apply(snowball.apply(stop.apply(in)))));
    chains.put("stop fold lemma (no stemming)", chain(in -> lemma.apply(fold.apply(stop.apply(in)))));
    chains.put("stop fold lemma minimal", chain(in -> minimal.apply(lemma.apply(fold.apply(stop.apply(in))))));
    chains.put("stop fold lemma light", chain(in -> light.apply(lemma.apply(fold.apply(stop.apply(in))))));
    for (Map.Entry<String, Analyzer> chain : chains.entrySet()) {
      report(chain.getKey(), chain.getValue(), rows);
    }
  }

  /** The analyzer's chain up to lower case, then {@code tail}. */
  static Analyzer chain(UnaryOperator<TokenStream> tail) {
    NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
    map.add("\u2019", "'");
    map.add("-", "_");
    NormalizeCharMap punctuation = map.build();
    return new Analyzer() {
      @Override
      protected Reader initReader(String fieldName, Reader reader) {
        return new MappingCharFilter(punctuation, reader);
      }

      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new HyphenatedWordFilter(source);
        result = new FrenchElisionFilter(result, FrenchNewsAnalyzer.DEFAULT_ARTICLES);
        return new TokenStreamComponents(source, tail.apply(new LowerCaseFilter(result)));
      }
    };
  }

  private static void report(String name, Analyzer analyzer, List<Row> rows) {
    Map<String, String> terms = new HashMap<>();
    Map<String, Map<String, Integer>> termsByLemma = new HashMap<>();
    Map<String, Map<String, Integer>> lemmasByTerm = new HashMap<>();
    long accented = 0;
    long accentsKept = 0;
    for (Row row : rows) {
      String term = terms.computeIfAbsent(row.form(), f -> key(analyzer, f));
      if (term.isEmpty()) {
        continue;
      }
      termsByLemma.computeIfAbsent(row.lemma(), l -> new HashMap<>()).merge(term, row.count(), Integer::sum);
      lemmasByTerm.computeIfAbsent(term, t -> new HashMap<>()).merge(row.lemma(), row.count(), Integer::sum);
      String plain = foldAccents(row.form());
      if (!plain.equals(row.form())) {
        accented += row.count();
        if (term.equals(terms.computeIfAbsent(plain, f -> key(analyzer, f)))) {
          accentsKept += row.count();
        }
      }
    }
    System.out.printf(
        "| %s | %.4f | %.4f | %.4f | %d |%n",
        name,
        majorityShare(termsByLemma),
        majorityShare(lemmasByTerm),
        (double) accentsKept / accented,
        lemmasByTerm.size());
  }

  /** The share of all counts that fall on the most common value of their group. */
  private static double majorityShare(Map<String, Map<String, Integer>> groups) {
    long majority = 0;
    long total = 0;
    for (Map<String, Integer> group : groups.values()) {
      majority += group.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      total += group.values().stream().mapToInt(Integer::intValue).sum();
    }
    return (double) majority / total;
  }

  private static String key(Analyzer analyzer, String form) {
    return AnalysisAssertions.render(Analysis.tokens(analyzer, form));
  }

  private static String foldAccents(String form) {
    char[] chars = form.toCharArray();
    char[] out = new char[4 * chars.length];
    return new String(out, 0, ASCIIFoldingFilter.foldToASCII(chars, 0, out, 0, chars.length));
  }

  private static List<Row> read(Path data) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(data)) {
      String[] fields = line.split("\t");
      if (fields.length == 4 && CONTENT.contains(fields[2])) {
        rows.add(new Row(fields[0], fields[1].toLowerCase(), Integer.parseInt(fields[3])));
      }
    }
    return rows;
  }
}
