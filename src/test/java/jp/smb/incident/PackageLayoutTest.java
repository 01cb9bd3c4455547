package jp.smb.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package is a capability the developers' guide names in one line, and every line of the guide's table is a
 * package: a new package has to say what it holds, and a grab-bag cannot say it in one line.
 */
class PackageLayoutTest {

  private static final Path GUIDE = Path.of("docs", "developers.md");
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\|", Pattern.MULTILINE);

  @Test
  void shouldDescribeEveryPackageInTheDevelopersGuide() throws IOException {
    String guide = Files.readString(GUIDE);
    String table = guide.substring(guide.indexOf("| パッケージ |"));
    table = table.substring(0, table.indexOf("\n\n"));
    Set<String> described = ROW.matcher(table).results().map(match -> match.group(1)).collect(Collectors.toSet());
    Set<String> packages;
    try (Stream<Path> dirs = Files.list(Path.of("src/main/java/jp/smb/incident"))) {
      packages = dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).collect(Collectors.toSet());
    }
    assertThat(described).as("packages described in %s", GUIDE).isEqualTo(packages);
  }

  @Test
  void shouldKeepEachPackageSmallEnoughToReadInOneSitting() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("src/main/java/jp/smb/incident"))) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        try (Stream<Path> classes = Files.list(dir)) {
          assertThat(classes.filter(file -> file.toString().endsWith(".java")).count()).as(dir.toString())
              .isLessThanOrEqualTo(30);
        }
      }
    }
  }
}
