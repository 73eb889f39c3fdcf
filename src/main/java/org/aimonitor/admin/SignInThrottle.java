package org.aimonitor.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wrong admin tokens, counted per address: after {@code attempts} wrong ones within the lockout
 * period, the address is refused (429) for that period, whatever token it sends, so guessing
 * runs at a few tries an hour, not 500 a second. An IPv6 address counts by its /64 network (one
 * host's share). Logged in aggregate: the first wrong token of an address, its lockout, and at
 * most one line a minute of attempts refused while it lasts. Memory is bounded: the least
 * recently seen addresses are forgotten beyond {@link #MAX_ADDRESSES}.
 */
final class SignInThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);
  static final int MAX_ADDRESSES = 10_000;
  private static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

  /** One address's recent wrong tokens; guarded by the throttle. */
  private static final class Record {
    Instant windowStart;
    int failures;
    Instant lockedUntil = Instant.MIN;
    long refused;
    Instant lastSummary = Instant.MIN;
  }

  private final int attempts;
  private final Duration lockout;
  private final Clock clock;
  private final Map<String, Record> records = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Record> eldest) {
      return size() > MAX_ADDRESSES;
    }
  };

  SignInThrottle(int attempts, Duration lockout, Clock clock) {
    this.attempts = attempts;
    this.lockout = lockout;
    this.clock = clock;
  }

  /** Seconds {@code address} must wait before its token is checked again; empty when it may try now. */
  synchronized OptionalLong refused(String address) {
    Record r = records.get(key(address));
    Instant now = clock.instant();
    if (r == null || !now.isBefore(r.lockedUntil)) {
      return OptionalLong.empty();
    }
    r.refused++;
    if (!now.isBefore(r.lastSummary.plus(SUMMARY_EVERY))) {
      LOG.warn("Admin sign-in: {} attempt(s) from {} refused during its lockout (until {})",
          r.refused, key(address), r.lockedUntil);
      r.refused = 0;
      r.lastSummary = now;
    }
    return OptionalLong.of(Math.max(1, Duration.between(now, r.lockedUntil).toSeconds()));
  }

  /** Whether {@code address} is locked out now (nothing is counted). */
  synchronized boolean isLocked(String address) {
    Record r = records.get(key(address));
    return r != null && clock.instant().isBefore(r.lockedUntil);
  }

  /** Counts a wrong token from {@code address}; locks it out at the limit. */
  synchronized void failed(String address) {
    String key = key(address);
    Instant now = clock.instant();
    Record r = records.computeIfAbsent(key, k -> new Record());
    if (r.windowStart == null || !now.isBefore(r.windowStart.plus(lockout))) {
      r.windowStart = now;
      r.failures = 0;
      LOG.warn("Admin sign-in with a wrong token from {}", key);
    }
    r.failures++;
    if (r.failures >= attempts) {
      r.lockedUntil = now.plus(lockout);
      r.lastSummary = now;
      r.refused = 0;
      r.windowStart = null;
      LOG.warn("Admin sign-in locked for {} for {} minutes after {} wrong tokens", key,
          lockout.toMinutes(), r.failures);
    }
  }

  /** A right token: the address's count starts again. */
  synchronized void succeeded(String address) {
    records.remove(key(address));
  }

  /** The address as it is counted: IPv4 whole, IPv6 by its /64 network. */
  static String key(String address) {
    // Only a literal address is parsed (never a name to look up).
    if (address == null || address.indexOf(':') < 0 || !address.matches("[0-9A-Fa-f:.\\[\\]]+")) {
      return String.valueOf(address);
    }
    try {
      byte[] bytes = InetAddress.getByName(address.replaceAll("^\\[|\\]$", "")).getAddress();
      if (bytes.length != 16) {
        return address;
      }
      StringBuilder net = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        net.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
      }
      return net.append(":/64").toString();
    } catch (UnknownHostException e) {
      return address;
    }
  }
}
