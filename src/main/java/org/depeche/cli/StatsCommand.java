package org.depeche.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.depeche.DepecheIndex;
import org.depeche.IndexStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code depeche stats}: what the index holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    header = "Show what the index holds.")
final class StatsCommand implements Callable<Integer> {

  @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
      description = "The index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    IndexStats s;
    try (DepecheIndex idx = DepecheIndex.open(index)) {
      s = idx.stats();
    }
    if (json) {
      out.println(Json.write(Json.stats(s)));
    } else {
      out.printf(Locale.ROOT, "index        %s%n", index);
      out.printf(Locale.ROOT, "articles     %,d%n", s.articles());
      out.printf(Locale.ROOT, "passages     %,d%n", s.passages());
      out.printf(Locale.ROOT, "terms        %,d%n", s.terms());
      out.printf(Locale.ROOT, "size         %,.1f MB (%,d bytes)%n", s.sizeBytes() / 1e6, s.sizeBytes());
      out.printf(Locale.ROOT, "analyzer     %s%n", s.analyzer());
      out.printf(Locale.ROOT, "last commit  %s%n", s.lastCommit() == null ? "never" : s.lastCommit());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
