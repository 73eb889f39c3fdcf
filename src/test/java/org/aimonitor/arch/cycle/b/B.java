package org.aimonitor.arch.cycle.b;

import org.aimonitor.arch.cycle.a.A;

/** The other half of the deliberate package cycle. */
public final class B {
  A partner;
}
