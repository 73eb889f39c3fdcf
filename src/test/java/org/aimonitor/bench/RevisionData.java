package org.aimonitor.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The revision case of {@link ScaleIT} for {@code .ci/benchmark-scale}: 4 files of 40 × scale
 * more observations for the dataset {@link SyntheticData} wrote at that scale (new keys, years
 * 1980-1989), then the first of them again with every value changed, so that its import revises
 * 40 × scale rows (40,000 at 1,000x) and vintages have revisions to undo. Prints the files in
 * import order.
 *
 * <pre>
 * java -cp … org.aimonitor.bench.RevisionData --scale 100 --out /tmp/x
 * </pre>
 */
public final class RevisionData {

  /** Extra files, as ScaleIT imports them. */
  public static final int FILES = 4;
  /** Rows per extra file (and revisions) at scale 1: 40,000 at 1,000x. */
  public static final int ROWS_PER_SCALE = 40;

  private RevisionData() {
  }

  /** The extra files, then the revision of the first, in import order. */
  public static List<Path> write(int scale, Path dir) {
    List<Path> extra = SyntheticData.writeExtraObservations(scale, dir.resolve("extra"), FILES,
        ROWS_PER_SCALE * scale);
    Path revised = dir.resolve("revised-observations.csv");
    SyntheticData.writeRevised(extra.get(0), revised);
    List<Path> files = new ArrayList<>(extra);
    files.add(revised);
    return files;
  }

  public static void main(String[] args) {
    if (args.length != 4 || !args[0].equals("--scale") || !args[2].equals("--out")
        || !args[1].matches("[1-9][0-9]*")) {
      System.err.println("usage: RevisionData --scale N --out DIR");
      System.exit(2);
    }
    write(Integer.parseInt(args[1]), Path.of(args[3])).forEach(System.out::println);
  }
}
