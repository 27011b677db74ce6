package org.depeche.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code depeche}, run from a copy of the project's launcher and jar: which search
 * makes the AOT cache that later one-query commands start from (JDK 25+), and which JVM options
 * indexing gets that a search does not.
 */
class LauncherIT {

  @TempDir Path home;

  /** Where {@link #install} puts the launcher: a folder whose name has a space, as many have. */
  private Path project;

  /** The standard output of the last {@link #run}. */
  private String output;

  @Test
  void onlyASearchThatSucceedsMakesTheCache() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25+");
    Path launcher = install();
    Path corpus = Path.of(LauncherIT.class.getResource("/corpus/royaume-uni-retrait-mali.txt").toURI());
    Path index = home.resolve("index");

    // A cache made from a search that failed holds the classes of its error path: every later
    // search would load most of its classes from the jars, 1.7 times as long
    // (docs/performance-history.md).
    assertEquals(ExitCodes.INDEX, run(launcher, "search", "--index", index.toString(), "Bamako"));
    assertEquals(List.of(), caches());
    // Nor from a search's help, which loads none of a search's classes.
    assertEquals(ExitCodes.OK, run(launcher, "search", "--help"));
    assertEquals(List.of(), caches());

    assertEquals(ExitCodes.OK, run(launcher, "index", "--index", index.toString(), corpus.toString()));
    assertEquals(ExitCodes.OK, run(launcher, "search", "--index", index.toString(), "Bamako"));
    assertEquals(1, caches().size(), "caches: " + caches());
  }

  @Test
  void aCacheMadeFromASearchThatFindsNothingHoldsTheClassesOfOneThatFindsPassages() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25+");
    Path launcher = install();
    Path corpus = Path.of(LauncherIT.class.getResource("/corpus/royaume-uni-retrait-mali.txt").toURI());
    Path index = home.resolve("index");
    assertEquals(ExitCodes.OK, run(launcher, "index", "--index", index.toString(), corpus.toString()));

    Path log = home.resolve("classes.log");
    for (List<String> format : List.<List<String>>of(List.of(), List.of("--json"))) {
      for (Path cache : caches()) {
        Files.delete(cache);
      }
      // The search that makes the cache prints what it would without one, with its exit code.
      List<String> nothing = Stream.concat(Stream.of("search", "--index", index.toString()),
          Stream.concat(format.stream(), Stream.of("zyxwvu"))).toList();
      assertEquals(ExitCodes.OK, run(launcher, nothing.toArray(String[]::new)));
      String first = withoutTime(output);
      assertEquals(1, caches().size(), "caches: " + caches());
      assertTrue(first.contains("zyxwvu"), first);
      assertEquals(ExitCodes.OK, run(launcher, nothing.toArray(String[]::new)));
      assertEquals(first, withoutTime(output));

      // A search that finds passages, printed the same way, loads its classes from the cache.
      Files.deleteIfExists(log);
      List<String> hits = Stream.concat(Stream.of("search", "--index", index.toString()),
          Stream.concat(format.stream(), Stream.of("retrait", "des", "troupes"))).toList();
      assertEquals(ExitCodes.OK, run(List.of("-Xlog:class+load:file=" + log), launcher, hits.toArray(String[]::new)));
      assertTrue(output.contains("royaume-uni-retrait-mali.txt#"), output);
      List<String> fromJar = Files.readAllLines(log).stream()
          .filter(line -> line.contains(" org.depeche.") && !line.contains("source: shared objects file"))
          .toList();
      assertEquals(List.of(), fromJar, (format.isEmpty() ? "text" : "--json") + ": depeche's classes not in the cache");
    }
  }

  @Test
  void aSearchOfAnIndexWithNoPassagesMakesNoCache() throws Exception {
    assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25+");
    Path launcher = install();
    Path index = home.resolve("index");
    Path empty = Files.createDirectories(home.resolve("empty corpus"));
    // An index with nothing in it yet, as one is while its first long run has not committed: a
    // cache made from a search of it would lack the classes of reading and printing hits, and
    // every later search would load them from the jar, until the next build (qa16).
    assertEquals(ExitCodes.OK, run(launcher, "index", "--index", index.toString(), empty.toString()));
    assertEquals(ExitCodes.OK, run(launcher, "search", "--index", index.toString(), "Bamako"));
    assertTrue(output.contains("Bamako"), output);
    assertEquals(List.of(), caches());

    Path corpus = Path.of(LauncherIT.class.getResource("/corpus/royaume-uni-retrait-mali.txt").toURI());
    assertEquals(ExitCodes.OK, run(launcher, "index", "--index", index.toString(), corpus.toString()));
    assertEquals(ExitCodes.OK, run(launcher, "search", "--index", index.toString(), "zyxwvu"));
    assertEquals(1, caches().size(), "caches: " + caches());
  }

  @Test
  void indexingRunsWithTheJitOptionsOfItsFileAndASearchWithout() throws Exception {
    Path launcher = install();
    Path corpus = Path.of(LauncherIT.class.getResource("/corpus/royaume-uni-retrait-mali.txt").toURI());
    Path index = home.resolve("index");
    List<String> names = Files.readAllLines(Path.of("src/main/jvm/index.options")).stream()
        .filter(line -> line.startsWith("-XX:"))
        .map(line -> line.substring(4).replaceFirst("=.*", "").replaceFirst("^[+-]", ""))
        .toList();
    assertTrue(!names.isEmpty(), "no -XX: option in src/main/jvm/index.options");

    // -XX:+PrintFlagsFinal prints each flag with where its value came from: the launcher's
    // options are "command line", JAVA_TOOL_OPTIONS' "environment".
    List<String> printFlags = List.of("-XX:+PrintFlagsFinal");
    assertEquals(ExitCodes.OK, run(printFlags, launcher, "index", "--index", index.toString(), corpus.toString()));
    for (String name : names) {
      assertTrue(fromCommandLine(output, name), name + " not set for index");
    }
    // The same after depeche's own options, which come before the command's name.
    assertEquals(ExitCodes.OK, run(printFlags, launcher, "--stacktrace", "index", "--index",
        home.resolve("another index").toString(), corpus.toString()));
    for (String name : names) {
      assertTrue(fromCommandLine(output, name), name + " not set for --stacktrace index");
    }
    assertTrue(!fromCommandLine(output, "TieredStopAtLevel"), "--stacktrace index compiled with C1 only");
    assertEquals(ExitCodes.OK, run(printFlags, launcher, "search", "--index", index.toString(), "Bamako"));
    for (String name : names) {
      assertTrue(!fromCommandLine(output, name), name + " set for search");
    }
  }

  @Test
  void aSmallAdditionToAnIndexCompilesWithC1AndAWholeReadingWithC2() throws Exception {
    Path launcher = install();
    Path corpus = Path.of(LauncherIT.class.getResource("/corpus/royaume-uni-retrait-mali.txt").toURI());
    Path index = home.resolve("index");
    List<String> printFlags = List.of("-XX:+PrintFlagsFinal");
    // A new index: everything is read.
    assertEquals(ExitCodes.OK, run(printFlags, launcher, "index", "--index", index.toString(), corpus.toString()));
    assertTrue(fromCommandLine(output, "CompileThresholdScaling"), "a new index without the C2 options");
    assertTrue(!fromCommandLine(output, "TieredStopAtLevel"), "a new index compiled with C1 only");

    // A small file added: C1 alone, as the short commands.
    Path added = Files.writeString(home.resolve("added.txt"), "Un article de plus.\n\nSur deux paragraphes.\n");
    assertEquals(ExitCodes.OK, run(printFlags, launcher, "index", "--index=" + index, corpus.toString(),
        added.toString()));
    assertTrue(fromCommandLine(output, "TieredStopAtLevel"), "a small addition not compiled with C1 only");
    assertTrue(!fromCommandLine(output, "CompileThresholdScaling"), "a small addition with the C2 options");

    // --full reads every file again, whatever changed.
    assertEquals(ExitCodes.OK, run(printFlags, launcher, "index", "--full", "--index", index.toString(),
        corpus.toString(), added.toString()));
    assertTrue(!fromCommandLine(output, "TieredStopAtLevel"), "--full compiled with C1 only");

    // 30 MB of new text is no small addition.
    Path big = home.resolve("big.jsonl");
    try (var out = Files.newBufferedWriter(big)) {
      String text = "Un paragraphe de nouvelles assez long pour peser. ".repeat(200);
      for (int i = 0; i < 3_100; i++) {
        out.write("{\"id\":\"big-" + i + "\",\"text\":\"" + text + "\"}\n");
      }
    }
    assertTrue(Files.size(big) > 24 * 1024 * 1024, "big.jsonl: " + Files.size(big));
    // The launcher chooses before depeche runs: its help is enough to see the choice, without
    // indexing 30 MB.
    assertEquals(ExitCodes.OK, run(printFlags, launcher, "index", "--help", "--index", index.toString(),
        big.toString()));
    assertTrue(fromCommandLine(output, "CompileThresholdScaling"), "a large addition without the C2 options");
  }

  @Test
  void indexingRunsWithoutItsJitOptionsWhenTheirFileIsMissing() throws Exception {
    // The launcher beside a jar without the sources (copied out of the repository): the options
    // tune indexing, and their file missing must not stop it.
    Path launcher = install();
    Path jvm = project.resolve("src/main/jvm");
    Files.delete(jvm.resolve("index.options"));
    // The folder's time back before the jar's: a source newer than the jar has the launcher rebuild.
    Files.setLastModifiedTime(jvm, Files.getLastModifiedTime(project.resolve("src/main")));
    Path corpus = Path.of(LauncherIT.class.getResource("/corpus/royaume-uni-retrait-mali.txt").toURI());
    Path index = home.resolve("index");
    assertEquals(ExitCodes.OK, run(launcher, "index", "--index", index.toString(), corpus.toString()));
    assertEquals(ExitCodes.OK, run(launcher, "search", "--index", index.toString(), "Bamako"));
    assertTrue(output.contains("royaume-uni-retrait-mali.txt#"), output);
  }

  @Test
  void runsThroughASymbolicLinkFromAnotherFolder() throws Exception {
    // As installed with `ln -s …/depeche ~/bin/depeche`: the jar is beside the launcher, not the link.
    Path launcher = install();
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path link = Files.createSymbolicLink(bin.resolve("depeche"), launcher);
    Path corpus = Path.of(LauncherIT.class.getResource("/corpus/royaume-uni-retrait-mali.txt").toURI());
    Path index = home.resolve("index");
    assertEquals(ExitCodes.OK, run(link, "index", "--index", index.toString(), corpus.toString()));
    assertEquals(ExitCodes.OK, run(link, "search", "--index", index.toString(), "Bamako"));
    assertTrue(output.contains("royaume-uni-retrait-mali.txt#"), output);
    try (Stream<Path> files = Files.list(bin)) {
      assertEquals(List.of(link), files.toList(), "the launcher wrote beside its link");
    }
  }

  /** Whether -XX:+PrintFlagsFinal's {@code output} shows the flag {@code name} set on the command line. */
  private static boolean fromCommandLine(String output, String name) {
    return output.lines().anyMatch(line -> line.matches(".* " + name + " += .*\\{command line\\}.*"));
  }

  /** Returns a search's output without the time it took, which --json prints. */
  private static String withoutTime(String output) {
    return output.replaceAll("\"took_ms\":[0-9]+", "");
  }

  /** Removes the link to the project's dependencies, which JUnit would warn of as it deletes {@link #home}. */
  @AfterEach
  void unlinkDependencies() throws IOException {
    if (project != null) {
      Files.deleteIfExists(project.resolve("target/lib"));
    }
  }

  /**
   * Copies the launcher, its indexing options and the jar into {@link #project}, its dependencies
   * linked, and returns the launcher.
   */
  private Path install() throws IOException {
    project = Files.createDirectories(home.resolve("my projects"));
    Path target = Files.createDirectories(project.resolve("target"));
    Path launcher = Files.copy(Path.of("depeche"), project.resolve("depeche"), StandardCopyOption.COPY_ATTRIBUTES);
    // The options before the jar, with their time: a file under src/main newer than the jar has
    // the launcher rebuild it, and the project has nothing to build from.
    Files.createDirectories(project.resolve("src/main/jvm"));
    Files.copy(Path.of("src/main/jvm/index.options"), project.resolve("src/main/jvm/index.options"),
        StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(Path.of(System.getProperty("depeche.jar", "target/depeche.jar")), target.resolve("depeche.jar"));
    Files.createSymbolicLink(target.resolve("lib"), Path.of("target/lib").toAbsolutePath());
    return launcher;
  }

  /** The files of the launcher's AOT cache, and of caches in the making, in {@link #project}. */
  private List<Path> caches() throws IOException {
    try (Stream<Path> files = Files.list(project.resolve("target"))) {
      return files.filter(f -> f.getFileName().toString().contains(".aot")).toList();
    }
  }

  /** Runs the launcher with {@code args} and the JDK running this test, and returns its exit code. */
  private int run(Path launcher, String... args) throws Exception {
    return run(List.of(), launcher, args);
  }

  /**
   * Runs the launcher with {@code args}, the JDK running this test and the JVM options {@code
   * jvmOptions} (through JAVA_TOOL_OPTIONS), keeps its standard output in {@link #output}, and
   * returns its exit code.
   */
  private int run(List<String> jvmOptions, Path launcher, String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    if (!jvmOptions.isEmpty()) {
      builder.environment().put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
    }
    Process p = builder.start();
    output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish: " + output);
    return p.exitValue();
  }
}
