package org.depeche.analysis;

import static org.depeche.analysis.AnalysisAssertions.assertAnalyzesTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the cases of {@code analysis/golden.tsv} through {@link FrenchNewsAnalyzer}, and those of
 * {@code analysis/golden-light.tsv} through {@link FrenchNewsAnalyzer#lightStemmed()}.
 */
class GoldenAnalysisTest {
  private static final Analyzer ANALYZER = new FrenchNewsAnalyzer();
  private static final Analyzer LIGHT = FrenchNewsAnalyzer.lightStemmed();

  static Stream<Arguments> cases() throws IOException {
    return read("/analysis/golden.tsv");
  }

  static Stream<Arguments> lightCases() throws IOException {
    return read("/analysis/golden-light.tsv");
  }

  private static Stream<Arguments> read(String resource) throws IOException {
    try (InputStream in = GoldenAnalysisTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(line -> line.split("\t", -1))
          .map(fields -> Arguments.of(fields[0], fields[1], fields[2]))
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0} → {1}  ({2})")
  @MethodSource("cases")
  void analyzesAsGolden(String input, String expected, String why) {
    assertAnalyzesTo(ANALYZER, input, expected);
  }

  @ParameterizedTest(name = "light: {0} → {1}  ({2})")
  @MethodSource("lightCases")
  void analyzesLightStemmedAsGolden(String input, String expected, String why) {
    assertAnalyzesTo(LIGHT, input, expected);
  }

  @AfterAll
  static void close() {
    ANALYZER.close();
    LIGHT.close();
  }
}
