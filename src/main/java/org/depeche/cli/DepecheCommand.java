package org.depeche.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The top-level {@code depeche} command. Its subcommands are added by {@link Main#newCommandLine},
 * which builds only the one a command line names.
 */
@Command(
    name = "depeche",
    mixinStandardHelpOptions = true,
    versionProvider = DepecheCommand.Version.class,
    header = "Search French news, passage by passage.",
    description = "Indexes French news articles into passages with an analyzer made for French, "
        + "and ranks the passages against keyword searches.",
    synopsisSubcommandLabel = "COMMAND",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:internal error (run with --stacktrace and report it)",
      "2:usage error, malformed query or unknown passage",
      "3:the index cannot be used: missing, being written by another process, read-only, incompatible, or failing its check",
      "4:some input could not be read and was skipped"
    })
final class DepecheCommand implements Runnable {

  @Option(names = "--stacktrace", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  boolean stacktrace;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = DepecheCommand.class.getResourceAsStream("/org/depeche/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "depeche " + p.getProperty("version", "(development build)") + ", Java " + Runtime.version()
      };
    }
  }
}
