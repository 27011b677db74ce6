package org.depeche.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.depeche.DepecheIndex;
import org.depeche.SpeakerCount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code depeche speakers}: who is quoted, how often. */
@Command(
    name = "speakers",
    mixinStandardHelpOptions = true,
    header = "List who is quoted and how often, most quoted first.")
final class SpeakersCommand implements Callable<Integer> {

  @Option(names = "--index", paramLabel = "DIR", defaultValue = "index",
      description = "The index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--json", description = "Print the list as JSON.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    List<SpeakerCount> speakers;
    try (DepecheIndex idx = DepecheIndex.open(index)) {
      speakers = idx.speakers();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.write(Json.speakers(speakers)));
    } else {
      for (SpeakerCount s : speakers) {
        out.printf(Locale.ROOT, "%6d  %s%n", s.quotes(), s.speaker());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
