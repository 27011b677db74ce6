package org.depeche.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.depeche.DepecheIndex;
import org.depeche.PassageHit;
import org.depeche.QuerySyntaxException;
import org.depeche.SearchOptions;
import org.depeche.SearchResults;
import org.depeche.search.QueryParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code depeche search}: ranks passages against a query, or a file of queries. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    header = "Rank passages against a keyword query.",
    description = {
      "Query syntax: plain words; \"a phrase\" or « a phrase »; -word or -\"phrase\" to exclude; "
          + "OR between two words or phrases; title:word and source:word to look in one field.",
      "Passages holding every word come first; a match in the article's title counts.",
      "With no index yet at the default location, indexes corpus/ there first."
    })
final class SearchCommand implements Callable<Integer> {
  private static final int WIDTH = 100;

  @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
      description = "The index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "-n", paramLabel = "N", defaultValue = "10",
      description = "The number of passages to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Option(names = "--queries", paramLabel = "FILE",
      description = "Run every query of FILE (lines of qid<TAB>query) in one process; needs --trec.")
  Path queries;

  @Option(names = "--trec", description = "With --queries: print TREC run lines "
      + "'qid Q0 passage_id rank score depeche'.")
  boolean trec;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query.")
  List<String> words;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (limit < 1 || limit > SearchOptions.MAX_LIMIT) {
      throw new ParameterException(spec.commandLine(),
          "-n must be between 1 and " + SearchOptions.MAX_LIMIT + ", not " + limit);
    }
    if (queries != null && !trec) {
      throw new ParameterException(spec.commandLine(), "--queries needs --trec");
    }
    if (queries == null && trec) {
      throw new ParameterException(spec.commandLine(), "--trec needs --queries FILE");
    }
    if (queries != null && words != null && !words.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give either QUERY or --queries FILE, not both");
    }
    if (queries == null && (words == null || words.isEmpty())) {
      throw new ParameterException(spec.commandLine(), "no query given");
    }
    int code = indexCorpusWhenNoIndex(err);
    if (code != ExitCodes.OK && code != ExitCodes.BAD_INPUT) {
      return code;
    }
    SearchOptions options = SearchOptions.defaults().withLimit(limit).withSnippets(queries == null);
    try (DepecheIndex idx = DepecheIndex.open(index)) {
      if (queries != null) {
        return runBatch(idx, options, out, err);
      }
      SearchResults results = idx.search(String.join(" ", words), options);
      if (json) {
        out.println(Json.write(Json.results(results)));
      } else {
        printText(results, out);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** At the default location only, builds the index from corpus/ the first time. */
  private int indexCorpusWhenNoIndex(PrintWriter err) {
    boolean defaultIndex = !spec.commandLine().getParseResult().hasMatchedOption("--index");
    if (!defaultIndex || DepecheIndex.exists(index) || !Files.isDirectory(IndexCommand.DEFAULT_CORPUS)) {
      return ExitCodes.OK;
    }
    err.println("depeche: no index yet; indexing " + IndexCommand.DEFAULT_CORPUS + "/ into " + index + "/ first");
    return IndexCommand.run(index, List.of(IndexCommand.DEFAULT_CORPUS), false, err);
  }

  private int runBatch(DepecheIndex idx, SearchOptions options, PrintWriter out, PrintWriter err) {
    int code = ExitCodes.OK;
    try (BufferedReader in = Files.newBufferedReader(queries, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0 || line.substring(tab + 1).isBlank()) {
          err.println("depeche: " + queries + ":" + lineNumber + ": error: expected qid<TAB>query; line skipped");
          code = ExitCodes.BAD_INPUT;
          continue;
        }
        String qid = line.substring(0, tab).strip();
        String query = line.substring(tab + 1).strip();
        SearchResults results;
        try {
          results = idx.search(query, options);
        } catch (QuerySyntaxException e) {
          try {
            results = idx.search(QueryParser.plainWords(query), options);
          } catch (QuerySyntaxException stillMalformed) {
            // Still malformed without its syntax ("\"", "-", "title: Mali"): report it, answer the rest.
            err.println("depeche: " + queries + ":" + lineNumber + ": error: " + e.getMessage() + "; line skipped");
            code = ExitCodes.BAD_INPUT;
            continue;
          }
          err.println("depeche: " + queries + ":" + lineNumber + ": warning: " + e.getMessage()
              + "; searched as plain words");
        }
        for (PassageHit h : results.hits()) {
          out.printf(Locale.ROOT, "%s Q0 %s %d %.6f depeche%n", qid, h.passageId(), h.rank(), h.score());
        }
      }
    } catch (IOException e) {
      err.println("depeche: cannot read " + queries + ": " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    out.flush();
    return code;
  }

  private static void printText(SearchResults results, PrintWriter out) {
    boolean bold = Terminal.isTerminal();
    if (results.hits().isEmpty()) {
      out.println("no passage matches " + results.query());
      return;
    }
    for (PassageHit h : results.hits()) {
      StringBuilder head = new StringBuilder();
      head.append(String.format(Locale.ROOT, "%2d. [%.2f] ", h.rank(), h.score()));
      String title = h.title() == null ? "(untitled)" : h.title();
      head.append(bold ? Terminal.BOLD + title + Terminal.RESET : title);
      if (h.date() != null || h.source() != null) {
        head.append(" — ");
        head.append(h.date() == null ? "" : h.date().toString());
        head.append(h.date() != null && h.source() != null ? ", " : "");
        head.append(h.source() == null ? "" : h.source());
      }
      out.println(head);
      out.println("    " + h.passageId());
      String snippet = bold
          ? h.snippet().render(Terminal.BOLD, Terminal.RESET)
          : h.snippet().text();
      out.println(Terminal.wrap(snippet, WIDTH, "    "));
      out.println();
    }
    out.printf(Locale.ROOT, "%d of %,d passages (%d ms)%n", results.hits().size(), results.totalHits(),
        results.tookMillis());
  }
}
