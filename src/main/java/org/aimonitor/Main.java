package org.aimonitor;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.aimonitor.cli.Cli;

/** The jar's entry point: the command line ({@code serve} by default). */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    // When the server started, its threads keep the process alive; otherwise exit with the status.
    Cli.run(args, System.getenv(), out, err).ifPresent(System::exit);
  }
}
