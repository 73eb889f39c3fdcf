package org.aimonitor.a11y;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The W3C Nu HTML Checker (vnu), run as a separate java process over files: it brings its own
 * Jetty, which must not meet Javalin's on one classpath. {@code .ci/install-test-deps} (run by
 * Maven before the tests) copies it with its dependencies from Maven Central to
 * {@code target/test-tools/vnu}.
 */
final class NuChecker {

  static final Path HOME = Path.of("target", "test-tools", "vnu");

  /** Bounds a run that normally takes seconds, so a hung checker cannot hang the build. */
  private static final long TIMEOUT_MINUTES = 10;

  /** One message of the checker; {@code file} is the checked file's name. */
  record Message(String type, String subType, String file, int line, int column, String text,
      String extract) {

    /** Errors fail a page; "info" messages (warnings among them) do not. */
    boolean isError() {
      return type.equals("error") || type.equals("non-document-error");
    }

    @Override
    public String toString() {
      return file + ":" + line + ":" + column + ": " + type
          + (subType.isEmpty() ? "" : " (" + subType + ")") + ": " + text
          + (extract.isEmpty() ? "" : "\n      at: " + extract.replace("\n", "↵"));
    }
  }

  private NuChecker() {
  }

  /**
   * Checks {@code files} in one run: HTML files as HTML, {@code .css} files as CSS and
   * {@code .svg} files as SVG. Returns every message, errors and warnings alike.
   */
  static List<Message> check(List<Path> files) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath(),
        "nu.validator.client.SimpleCommandLineValidator",
        "--format", "json", "--stdout", "--also-check-css", "--also-check-svg"));
    files.forEach(f -> command.add(f.toAbsolutePath().toString()));
    try {
      Path errors = Files.createTempFile("vnu", ".stderr");
      Process process = new ProcessBuilder(command)
          .redirectError(errors.toFile())
          .start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("the Nu HTML Checker did not finish in " + TIMEOUT_MINUTES + " minutes");
      }
      String stderr = Files.readString(errors);
      Files.delete(errors);
      // Exit 1 means "found errors"; anything else besides 0 means the checker itself failed.
      if (process.exitValue() > 1 || out.length == 0) {
        throw new AssertionError("the Nu HTML Checker failed (exit " + process.exitValue() + "): " + stderr);
      }
      return parse(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<Message> parse(byte[] json) throws IOException {
    List<Message> messages = new ArrayList<>();
    for (JsonNode m : new ObjectMapper().readTree(json).path("messages")) {
      String url = m.path("url").asText("");
      messages.add(new Message(m.path("type").asText(), m.path("subType").asText(""),
          url.substring(url.lastIndexOf('/') + 1),
          m.path("lastLine").asInt(m.path("firstLine").asInt(0)),
          m.path("firstColumn").asInt(m.path("lastColumn").asInt(0)),
          m.path("message").asText(), m.path("extract").asText("")));
    }
    return messages;
  }

  private static String classpath() {
    try (Stream<Path> jars = Files.list(HOME)) {
      List<Path> all = jars.filter(p -> p.toString().endsWith(".jar")).toList();
      if (all.stream().noneMatch(p -> p.getFileName().toString().startsWith("validator-"))) {
        throw new AssertionError("no validator jar in " + HOME);
      }
      return HOME.toAbsolutePath() + "/*";
    } catch (IOException | AssertionError e) {
      throw new AssertionError("The Nu HTML Checker is not installed in " + HOME
          + ": run .ci/install-test-deps (mvn verify runs it before the tests)", e);
    }
  }
}
