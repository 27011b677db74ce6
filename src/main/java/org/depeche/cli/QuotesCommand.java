package org.depeche.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.depeche.DepecheIndex;
import org.depeche.Quote;
import org.depeche.SearchOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code depeche quotes}: the quotations themselves, with who said them. */
@Command(
    name = "quotes",
    mixinStandardHelpOptions = true,
    header = "Show quotations and who said them.",
    description = {
      "The quotations of the passages that best match QUERY (same syntax as search), or of every "
          + "quoting passage in index order when there is no QUERY; with --speaker, that person's only."
    })
final class QuotesCommand implements Callable<Integer> {
  private static final int WIDTH = 100;

  @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
      description = "The index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "-n", paramLabel = "N", converter = LimitConverter.class,
      defaultValue = "10",
      description = "The most quotations to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--speaker", paramLabel = "NAME",
      description = "Only NAME's quotations: a full name or a surname, accents and case aside.")
  String speaker;

  @Option(names = "--json", description = "Print the quotations as JSON.")
  boolean json;

  @Parameters(paramLabel = "QUERY", arity = "0..*", description = "The query.")
  List<String> words;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<Quote> quotes;
    try (DepecheIndex idx = DepecheIndex.open(index)) {
      quotes = idx.quotes(words == null ? "" : String.join(" ", words),
          SearchOptions.defaults().withLimit(limit).withSpeaker(speaker));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(Json.quotes(quotes)));
    } else if (quotes.isEmpty()) {
      out.println("no quotation found");
    } else {
      for (Quote q : quotes) {
        out.println(Terminal.wrap("« " + q.text() + " »", WIDTH, "    ").substring(4));
        String who = q.speaker() == null ? "(speaker unknown)" : q.speaker() + (q.role() == null ? "" : ", " + q.role());
        out.println("    — " + who);
        out.println("    " + (q.title() == null ? "(untitled)" : q.title())
            + (q.date() == null ? "" : " — " + q.date()) + "  " + q.passageId());
        out.println();
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
