package org.depeche;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows the library example exactly as the file that {@link ReadmeExampleIT} runs. */
class ReadmeTest {
  static final Path EXAMPLE = Path.of("src/test/java/QuickStart.java");

  @Test
  void readmeHoldsTheExampleProgramVerbatim() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String example = Files.readString(EXAMPLE);
    assertTrue(readme.contains("```java\n" + example + "```\n"),
        "README.md must show " + EXAMPLE + " verbatim in a ```java block");
  }
}
