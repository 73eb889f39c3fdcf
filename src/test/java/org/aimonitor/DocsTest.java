package org.aimonitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README is a front door and {@code docs/} holds the rest: the README stays under 10 KB,
 * every relative link and {@code #anchor} in the README and the docs pages leads somewhere,
 * every docs page is linked from the README, and the pictures exist and stay small. A broken
 * copy proves each check can fail.
 */
class DocsTest {

  static final long README_MAX_BYTES = 10 * 1024;
  static final long PNG_MAX_BYTES = 300 * 1024;
  /** The pictures the README shows, made by {@code browser.Screenshots}. */
  static final List<String> PICTURES = List.of("docs/overview.png", "docs/summary-print.png");

  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

  @Test
  void theRepositoryDocsHaveNoProblems() {
    List<String> problems = problems(Path.of(""));
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  @Test
  void theChecksFindWhatIsBroken(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("README.md"), "# Title\n\n"
        + "[ok](docs/a.md#section-one) [gone](docs/missing.md) [bad anchor](docs/a.md#nowhere)\n"
        + "[self](#title) [no such](#other)\n```\n[inside code](ignored.md)\n```\n"
        + "x".repeat((int) README_MAX_BYTES));
    Files.writeString(root.resolve("docs/a.md"), "# A\n\n## Section one\n\n[back](../README.md#nope)\n");
    Files.writeString(root.resolve("docs/unlinked.md"), "# Nobody links me\n");
    Files.write(root.resolve("docs/overview.png"), new byte[(int) PNG_MAX_BYTES + 1]);
    List<String> problems = problems(root);
    String all = String.join("\n", problems);
    for (String expected : List.of(
        "README.md is " , "over 10240",
        "README.md: docs/missing.md does not exist",
        "README.md: docs/a.md#nowhere: no heading",
        "README.md: #other: no heading",
        "docs/a.md: ../README.md#nope: no heading",
        "docs/unlinked.md is not linked from the README",
        "docs/overview.png is ", "docs/overview.png is not a readable PNG",
        "docs/summary-print.png is missing")) {
      assertTrue(all.contains(expected), "expected a problem containing \"" + expected + "\" in:\n" + all);
    }
    assertTrue(problems.stream().noneMatch(p -> p.contains("ignored.md") || p.contains("#section-one")
        || p.contains("#title")), all);
  }

  @Test
  void anchorsAreMadeAsGitHubMakesThem() {
    assertEquals("what-is-due-release-schedules-and-freshness", slug("What is due: release schedules and freshness"));
    assertEquals("proving-the-image-without-docker-cicontainer-check",
        slug("Proving the image without Docker: `.ci/container-check`"));
    assertEquals("languages-english-and-simplified-chinese", slug("Languages: English and Simplified Chinese"));
  }

  /** Every problem with the README and {@code docs/} under {@code root}, as readable lines. */
  static List<String> problems(Path root) {
    List<String> problems = new ArrayList<>();
    Path readme = root.resolve("README.md");
    long size = size(readme);
    if (size > README_MAX_BYTES) {
      problems.add("README.md is " + size + " bytes, over " + README_MAX_BYTES
          + ": it is the front door; move detail to docs/");
    }
    List<Path> pages = new ArrayList<>();
    pages.add(readme);
    pages.addAll(docsPages(root));
    Set<Path> linkedFromReadme = new LinkedHashSet<>();
    Map<Path, Set<String>> anchors = new HashMap<>();
    for (Path page : pages) {
      String from = root.toAbsolutePath().normalize().relativize(page.toAbsolutePath().normalize()).toString();
      for (String target : links(read(page))) {
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
          continue; // http:, https:, mailto: — not ours to check offline
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.getParent() == null
            ? Path.of(file) : page.getParent().resolve(file);
        resolved = resolved.normalize();
        if (!Files.exists(resolved)) {
          problems.add(from + ": " + target.replaceFirst("#.*", "") + " does not exist");
          continue;
        }
        if (page.equals(readme)) {
          linkedFromReadme.add(resolved.toAbsolutePath().normalize());
        }
        if (anchor != null) {
          if (!resolved.toString().endsWith(".md")
              || !anchors.computeIfAbsent(resolved, p -> headingSlugs(read(p))).contains(anchor)) {
            problems.add(from + ": " + target + ": no heading makes the anchor #" + anchor);
          }
        }
      }
    }
    for (Path page : docsPages(root)) {
      if (!linkedFromReadme.contains(page.toAbsolutePath().normalize())) {
        problems.add(root.relativize(page) + " is not linked from the README");
      }
    }
    for (String picture : PICTURES) {
      Path png = root.resolve(picture);
      if (!Files.exists(png)) {
        problems.add(picture + " is missing: run mvn -B -q test-compile exec:exec@screenshots");
        continue;
      }
      if (!linkedFromReadme.contains(png.toAbsolutePath().normalize())) {
        problems.add(picture + " is not shown in the README");
      }
    }
    try (Stream<Path> files = Files.list(root.resolve("docs"))) {
      for (Path png : files.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
        String name = root.relativize(png).toString();
        long bytes = size(png);
        if (bytes >= PNG_MAX_BYTES) {
          problems.add(name + " is " + bytes + " bytes, not under " + PNG_MAX_BYTES);
        }
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null || image.getWidth() < 100 || image.getHeight() < 100) {
          problems.add(name + " is not a readable PNG of a page");
        }
      }
    } catch (IOException e) {
      problems.add("docs/ cannot be read: " + e);
    }
    return problems;
  }

  private static List<Path> docsPages(Path root) {
    Path docs = root.resolve("docs");
    if (!Files.isDirectory(docs)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(docs)) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The link targets of a Markdown text, outside fenced code blocks and inline code. */
  static List<String> links(String markdown) {
    List<String> targets = new ArrayList<>();
    for (String line : prose(markdown)) {
      Matcher m = LINK.matcher(line.replaceAll("`[^`]*`(?![^\\[]*\\]\\()", "``"));
      while (m.find()) {
        targets.add(m.group(1));
      }
    }
    return targets;
  }

  /** The anchors GitHub makes for the headings of a Markdown text. */
  static Set<String> headingSlugs(String markdown) {
    Set<String> slugs = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose(markdown)) {
      Matcher m = HEADING.matcher(line);
      if (m.matches()) {
        String slug = slug(m.group(1));
        int n = seen.merge(slug, 1, Integer::sum);
        slugs.add(n == 1 ? slug : slug + "-" + (n - 1));
      }
    }
    return slugs;
  }

  /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
  static String slug(String heading) {
    return heading.strip().toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
        .replace(' ', '-');
  }

  /** The lines of a Markdown text that are not inside a fenced code block. */
  private static List<String> prose(String markdown) {
    List<String> lines = new ArrayList<>();
    boolean fenced = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
