package org.depeche.search;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.FSDirectory;
import org.depeche.TextAnalyzer;
import org.depeche.index.Schema;

/**
 * The spell checks of a query set's words, replayed (docs/performance-history.md, spell17): each
 * query's words that the suggestion looks up ({@code words}, in fewer than 3 passages) and those
 * the correction looks up ({@code text}, in none), through {@link ClosestTerm#of} with 100
 * inspections, five times; prints each repetition's thread CPU per look-up on stderr and the first
 * repetition's answers on stdout, to compare two builds with {@code cmp}.
 *
 * <p>Usage: {@code SpellReplay INDEX QUERIES.tsv}
 */
public final class SpellReplay {
  private SpellReplay() {}


  public static void main(String[] args) throws Exception {
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])));
    Analyzer analyzer = Schema.analyzer(TextAnalyzer.DEPECHE);
    List<Term> terms = new ArrayList<>();
    List<Integer> dfs = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab <= 0) continue;
      for (String field : new String[] {Schema.WORDS, Schema.TEXT}) {
        try (TokenStream ts = analyzer.tokenStream(field, line.substring(tab + 1))) {
          CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
          ts.reset();
          while (ts.incrementToken()) {
            Term term = new Term(field, t.toString());
            int df = reader.docFreq(term);
            if (field.equals(Schema.WORDS) ? df < 3 : df == 0) { terms.add(term); dfs.add(df); }
          }
          ts.end();
        }
      }
    }
    var bean = ManagementFactory.getThreadMXBean();
    StringBuilder out = new StringBuilder();
    for (int rep = 0; rep < 5; rep++) {
      long cpu = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < terms.size(); i++) {
        SuggestWord w = ClosestTerm.of(terms.get(i), reader, dfs.get(i) == 0 ? SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX : SuggestMode.SUGGEST_MORE_POPULAR, 100);
        if (rep == 0) out.append(terms.get(i)).append(' ').append(w == null ? "-" : w.string + " " + w.freq + " " + w.score).append('\n');
      }
      System.err.printf("rep %d: %d look-ups, %.4f ms CPU each%n", rep, terms.size(), (bean.getCurrentThreadCpuTime() - cpu) / 1e6 / terms.size());
    }
    System.out.print(out);
  }
}
