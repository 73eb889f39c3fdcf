package org.aimonitor.arch.cycle.a;

import org.aimonitor.arch.cycle.b.B;

/** Half of a deliberate package cycle: proves PackageDependenciesTest can fail. */
public final class A {
  B partner;
}
