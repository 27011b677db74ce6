package org.depeche.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.depeche.DepecheIndex;
import org.depeche.QuerySyntaxException;
import org.depeche.SearchOptions;
import org.depeche.SearchResults;
import org.depeche.search.QueryParser;

/**
 * Prints, for each query of TSV files, what a top 10 search answers (as the command line runs it:
 * snippets and spelling suggestion on), the time taken left out: one line per query, to compare two
 * builds' answers with {@code cmp}.
 *
 * <p>Usage: {@code SuggestionRun INDEX QUERIES.tsv...}
 */
public final class SuggestionRun {
  private SuggestionRun() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    try (DepecheIndex index = DepecheIndex.open(Path.of(args[0]))) {
      SearchOptions options = SearchOptions.defaults();
      for (int f = 1; f < args.length; f++) {
        List<String> lines = Files.readAllLines(Path.of(args[f]), StandardCharsets.UTF_8);
        for (String line : lines) {
          int tab = line.indexOf('\t');
          if (tab <= 0) {
            continue;
          }
          String query = line.substring(tab + 1).strip();
          SearchResults r;
          try {
            r = index.search(query, options);
          } catch (QuerySyntaxException e) {
            try {
              r = index.search(QueryParser.plainWords(query), options);
            } catch (QuerySyntaxException again) {
              out.println(line.substring(0, tab) + "\tmalformed");
              continue;
            }
          }
          out.println(line.substring(0, tab) + "\t" + r.suggestion() + "\t" + r.totalHits() + "\t" + r.hits()
              + "\t" + r.articles() + "\t" + r.facets());
        }
      }
    }
    out.flush();
  }
}
