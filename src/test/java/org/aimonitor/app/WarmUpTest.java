package org.aimonitor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The warm-up that runs beside the database's opening only loads classes: it starts no thread
 * (no server, no pool, no timer) that would outlive it or hold a port.
 */
class WarmUpTest {

  private static Set<String> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .map(t -> t.getName() + "#" + t.getId()).collect(Collectors.toSet());
  }

  @Test
  void warmingUpLoadsTheWebStackButStartsNothing() throws Exception {
    Set<String> before = liveThreads();
    Thread warmUp = new Thread(App::warmUp, "warm-up");
    warmUp.start();
    warmUp.join(60_000);
    assertTrue(!warmUp.isAlive(), "the warm-up ends");
    Set<String> after = liveThreads();
    after.removeAll(before);
    // The JVM may start its own helpers (e.g. a reference handler for new class loaders);
    // none of ours or Jetty's may appear.
    assertEquals(Set.of(), after.stream().filter(n -> !n.startsWith("Common-Cleaner")
        && !n.startsWith("process reaper")).collect(Collectors.toSet()));
    assertTrue(isLoaded("io.javalin.Javalin") && isLoaded("org.eclipse.jetty.server.Server")
        && isLoaded("org.jdbi.v3.core.Jdbi"), "the classes are loaded");
  }

  private static boolean isLoaded(String name) {
    try {
      Class.forName(name, false, WarmUpTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
