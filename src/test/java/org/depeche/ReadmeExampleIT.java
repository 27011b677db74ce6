package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java program compiles and runs against target/depeche.jar, as a user would. */
class ReadmeExampleIT {

  @Test
  void readmeProgramCompilesAndPrintsTheBestPassage(@TempDir Path classes) throws Exception {
    Path jar = Path.of(System.getProperty("depeche.jar", "target/depeche.jar"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled = javac.run(null, null, null, "-cp", jar.toString(), "-d", classes.toString(),
        ReadmeTest.EXAMPLE.toString());
    assertEquals(0, compiled, "javac failed on " + ReadmeTest.EXAMPLE);

    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(javaBin.toString(), "--add-modules", "jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED", "-cp", jar + File.pathSeparator + classes,
            "QuickStart"))
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    String out = read(p);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "QuickStart did not finish");
    assertEquals(0, p.exitValue(), out);
    String[] lines = out.split("\n");
    assertEquals("mali-2022-11-15#1  Le Royaume-Uni va retirer ses troupes du Mali plus tôt que prévu (2022-11-15)",
        lines[0]);
    assertTrue(lines[1].contains("<em>responsabilité</em>") && lines[1].contains("<em>Bamako</em>"), lines[1]);
  }

  private static String read(Process p) throws IOException {
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
