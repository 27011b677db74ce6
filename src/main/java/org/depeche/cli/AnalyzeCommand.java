package org.depeche.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.depeche.analysis.Analysis;
import org.depeche.analysis.Token;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code depeche analyze}: shows the terms the French analyzer makes of a text. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    header = "Show the terms the French analyzer makes of a text.",
    description = "The same analysis is used for indexing and for queries: a query word finds a "
        + "passage when both give the same term.")
final class AnalyzeCommand implements Callable<Integer> {

  @Option(names = "--json", description = "Print the tokens as JSON.")
  boolean json;

  @Parameters(paramLabel = "TEXT", arity = "1..*", description = "The text to analyze.")
  List<String> words;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String text = String.join(" ", words);
    List<Token> tokens = Analysis.tokens(text);
    if (json) {
      out.println(Json.write(Json.tokens(tokens)));
    } else {
      out.println("position  start  end  term        (text)");
      for (Token t : tokens) {
        out.printf(Locale.ROOT, "%8d  %5d  %3d  %-11s (%s)%n", t.position(), t.start(), t.end(), t.term(),
            text.substring(t.start(), t.end()));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
