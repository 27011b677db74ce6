package org.depeche.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code depeche} command. Its subcommands are added by {@link Main#newCommandLine},
 * which builds only the one a command line names. Declared with picocli's programmatic API, as
 * {@code search} is, so that a search reads no annotations (see {@link SearchCommand}).
 */
final class DepecheCommand implements Runnable {
  private CommandSpec spec;

  private DepecheCommand() {}

  /** Returns the command's model, which runs a new {@code DepecheCommand}. */
  static CommandSpec model() {
    DepecheCommand command = new DepecheCommand();
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("depeche")
        .versionProvider(new Version());
    command.spec = spec;
    Map<String, String> exitCodes = new LinkedHashMap<>();
    exitCodes.put("0", "success");
    exitCodes.put("1", "internal error (run with --stacktrace and report it)");
    exitCodes.put("2", "usage error, malformed query or unknown passage");
    exitCodes.put("3", "the index cannot be used: missing, being written by another process, read-only, incompatible, or failing its check");
    exitCodes.put("4", "some input could not be read and was skipped");
    exitCodes.put("5", "out of memory: give Java a larger heap (JDK_JAVA_OPTIONS=-Xmx…)");
    spec.usageMessage()
        .header("Search French news, passage by passage.")
        .description("Indexes French news articles into passages with an analyzer made for French, "
            + "and ranks the passages against keyword searches.")
        .synopsisSubcommandLabel("COMMAND")
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(exitCodes);
    addStandardHelpOptions(spec);
    spec.addOption(OptionSpec.builder("--stacktrace").type(boolean.class).scopeType(ScopeType.INHERIT)
        .description("Print the stack trace of an error.").build());
    return spec;
  }

  /**
   * Adds {@code -h}/{@code --help} and {@code -V}/{@code --version}, as picocli's {@code
   * mixinStandardHelpOptions} does, which would read the annotations of its own mixin class.
   */
  static void addStandardHelpOptions(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-h", "--help").type(boolean.class).usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").type(boolean.class).versionHelp(true)
        .description("Print version information and exit.").build());
  }

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
