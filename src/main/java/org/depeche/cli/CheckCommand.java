package org.depeche.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.depeche.DepecheIndex;
import org.depeche.IndexHealth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code depeche check}: is the index sound. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    header = "Check that the index is sound.",
    description = "Runs Lucene's CheckIndex on every segment, then checks the schema version and "
        + "analyzer the index records, and that every article's passages are all there, each once. "
        + "Exit 0 when every check passes, 3 otherwise. No indexing may run meanwhile.")
final class CheckCommand implements Callable<Integer> {

  @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
      description = "The index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    IndexHealth health = DepecheIndex.check(index);
    out.printf(Locale.ROOT, "index     %s%n", index);
    for (IndexHealth.Check c : health.checks()) {
      out.printf(Locale.ROOT, "%-9s %s: %s%n", c.name(), c.passed() ? "ok" : "FAILED", c.detail());
    }
    out.println(health.healthy() ? "healthy" : "NOT HEALTHY");
    out.flush();
    return health.healthy() ? ExitCodes.OK : ExitCodes.INDEX;
  }
}
