package org.depeche.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.depeche.DepecheIndex;
import org.depeche.SearchOptions;
import org.depeche.SearchResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code depeche similar}: the passages of other articles most like a given passage. */
@Command(
    name = "similar",
    mixinStandardHelpOptions = true,
    header = "Find passages of other articles like a given passage.",
    description = {
      "Looks for the most telling words of the passage (by tf-idf, Lucene's MoreLikeThis) in the "
          + "passages of the other articles: the same story told elsewhere.",
      "PASSAGE_ID is as search shows it: <article id>#<n>."
    })
final class SimilarCommand implements Callable<Integer> {
  @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
      description = "The index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "-n", paramLabel = "N", converter = LimitConverter.class,
      defaultValue = "10",
      description = "The number of passages (or articles) to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--per-article", paramLabel = "N",
      description = "At most N passages per article; 0 for every passage (default: 1 for text, 0 for --json).")
  Integer perArticle;

  @Option(names = "--json", description = "Print the results as JSON.")
  boolean json;

  @Parameters(paramLabel = "PASSAGE_ID", description = "The passage to find others like.")
  String passageId;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    int grouping = perArticle != null ? perArticle : json ? 0 : 1;
    if (grouping < 0 || grouping > SearchOptions.MAX_PER_ARTICLE) {
      throw new ParameterException(spec.commandLine(),
          "--per-article must be between 0 and " + SearchOptions.MAX_PER_ARTICLE + ", not " + grouping);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (DepecheIndex idx = DepecheIndex.open(index)) {
      SearchResults results = idx.similar(passageId,
          SearchOptions.defaults().withLimit(limit).withPerArticle(grouping));
      if (json) {
        out.println(Json.write(Json.results(results)));
      } else {
        new ResultsText(out, Terminal.isTerminal()).print(results, false);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
