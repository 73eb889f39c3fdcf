package org.aimonitor.admin;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.aimonitor.admin.AdminSessions.Session;
import org.aimonitor.admin.AdminViews.LoginView;
import org.aimonitor.config.Settings;
import org.aimonitor.i18n.Text;
import org.aimonitor.web.HttpProblem;
import org.aimonitor.web.Page;

/**
 * Who is asking, for every {@code /admin} route: the sign-in with the admin token (a session
 * cookie with its CSRF token), the Bearer token scripts send, and the lockout after wrong tokens.
 * {@link #check} runs before each staff route and enforces the route's {@link StaffRole}; the
 * pages and the API then find the session, if any, with {@link #session(Context)}.
 */
public final class AdminAccess {

  static final String COOKIE = "aim_admin";
  private static final String COOKIE_PATH = "/admin";
  static final String REALM = "Bearer realm=\"AI Industry Monitor admin\"";
  static final String NAV = "admin";
  private static final String SESSION = "aim.admin.session";

  private final String token;
  private final boolean secureCookie;
  private final AdminSessions sessions;
  private final SignInThrottle throttle;

  public AdminAccess(Settings settings) {
    if (!settings.adminEnabled()) {
      throw new IllegalArgumentException("the admin pages need AIM_ADMIN_TOKEN");
    }
    this.token = settings.adminToken();
    this.secureCookie = settings.https();
    this.sessions = new AdminSessions(Clock.systemUTC());
    this.throttle = new SignInThrottle(settings.limits().signInAttempts(),
        settings.limits().signInLockout(), Clock.systemUTC());
  }

  AdminSessions sessions() {
    return sessions;
  }

  /**
   * Before every staff route: nothing under {@code /admin} is stored by a cache, and the route's
   * role is checked. A request that may not go on is answered here (sign-in page, 401, 403, 429)
   * and the route's handler does not run.
   */
  public void check(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    boolean staffPath = ctx.path().equals("/admin") || ctx.path().startsWith("/admin/");
    if (!staffPath && roles.stream().noneMatch(StaffRole.class::isInstance)) {
      return;
    }
    // A staff route routed without a role is treated as SIGNED_IN: it fails closed.
    noStore(ctx);
    if (roles.contains(StaffRole.ANYONE)) {
      return;
    }
    Optional<Session> session = sessions.find(ctx.cookie(COOKIE));
    if (roles.contains(StaffRole.TOKEN)) {
      if (!tokenAccepted(ctx)) {
        ctx.skipRemainingHandlers();
      }
      return;
    }
    if (session.isPresent()) {
      ctx.attribute(SESSION, session.get());
      return;
    }
    if (roles.contains(StaffRole.SIGNED_IN_OR_TOKEN)) {
      switch (bearer(ctx)) {
        case VALID -> {
          return;
        }
        case WRONG -> throw HttpProblem.of(403, "admin.error.forbidden.title", "admin.error.bad-token");
        case LOCKED -> {
          long wait = throttle.refused(ctx.ip()).orElse(1);
          ctx.header("Retry-After", String.valueOf(wait));
          throw HttpProblem.of(429, "admin.error.locked.title", "admin.login.locked", minutes(wait));
        }
        default -> { }
      }
    }
    if ("POST".equals(ctx.method().name())) {
      signInAgain(ctx);
    } else {
      toLogin(ctx);
    }
    ctx.skipRemainingHandlers();
  }

  /** The signed-in session {@link #check} found; empty on a token's request or a public route. */
  static Optional<Session> session(Context ctx) {
    return Optional.ofNullable(ctx.attribute(SESSION));
  }

  /** {@code GET /admin/login}. */
  public void loginForm(Context ctx) {
    if (sessions.find(ctx.cookie(COOKIE)).isPresent()) {
      ctx.redirect("/admin/import", HttpStatus.SEE_OTHER);
      return;
    }
    Page.render(ctx, "admin-login", Text.of(ctx).t("admin.login.title"), NAV, LoginView.of(null));
  }

  /** {@code POST /admin/login}: a right token starts a session; a wrong one shows the form again. */
  public void login(Context ctx) {
    OptionalLong wait = throttle.refused(ctx.ip());
    if (wait.isPresent()) {
      ctx.status(HttpStatus.TOO_MANY_REQUESTS);
      ctx.header("Retry-After", String.valueOf(wait.getAsLong()));
      Text t = Text.of(ctx);
      Page.render(ctx, "admin-login", t.t("admin.login.title"), NAV,
          LoginView.of(t.t("admin.login.locked", minutes(wait.getAsLong()))));
      return;
    }
    if (!Secrets.same(token, ctx.formParam("token"))) {
      throttle.failed(ctx.ip());
      ctx.status(HttpStatus.UNAUTHORIZED);
      ctx.header("WWW-Authenticate", REALM);
      Text t = Text.of(ctx);
      Page.render(ctx, "admin-login", t.t("admin.login.title"), NAV, LoginView.of(t.t("admin.login.wrong")));
      return;
    }
    throttle.succeeded(ctx.ip());
    Session session = sessions.start();
    ctx.cookie(new Cookie(COOKIE, session.id(), COOKIE_PATH,
        (int) AdminSessions.SESSION_LIFETIME.toSeconds(), secureCookie, true, null, SameSite.STRICT));
    ctx.redirect("/admin/import", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /admin/logout}. */
  public void logout(Context ctx) {
    Optional<Session> session = sessions.find(ctx.cookie(COOKIE));
    if (session.isPresent()) {
      requireCsrf(ctx, session.get());
      sessions.end(session.get());
    }
    ctx.cookie(new Cookie(COOKIE, "", COOKIE_PATH, 0, secureCookie, true, null, SameSite.STRICT));
    ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
  }

  /** A posted staff form must carry its session's CSRF token (checked once the form is read). */
  static void requireCsrf(Context ctx, Session session) {
    if (!Secrets.same(session.csrf(), ctx.formParam("csrf"))) {
      throw HttpProblem.of(403, "admin.error.csrf.title", "admin.error.csrf");
    }
  }

  /** The Bearer token of an API request; a refusal is answered as JSON. */
  private boolean tokenAccepted(Context ctx) {
    switch (bearer(ctx)) {
      case ABSENT -> {
        ctx.header("WWW-Authenticate", REALM);
        AdminApi.problem(ctx, 401, "Send the admin token as Authorization: Bearer <token>.", List.of());
        return false;
      }
      case WRONG -> {
        AdminApi.problem(ctx, 403, "The admin token is not valid.", List.of());
        return false;
      }
      case LOCKED -> {
        long wait = throttle.refused(ctx.ip()).orElse(1);
        ctx.header("Retry-After", String.valueOf(wait));
        AdminApi.problem(ctx, 429, "Too many wrong admin tokens from this address: it is locked out for "
            + minutes(wait) + " more minute(s); the token was not checked.", List.of());
        return false;
      }
      default -> {
        return true;
      }
    }
  }

  private enum Bearer { ABSENT, VALID, WRONG, LOCKED }

  /**
   * Only the Bearer scheme carries the token; any other Authorization counts as none. A wrong
   * token counts towards its address's lockout, during which no token is checked (LOCKED; the
   * caller asks the throttle how long, which counts that refusal).
   */
  private Bearer bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Bearer.ABSENT;
    }
    if (throttle.isLocked(ctx.ip())) {
      return Bearer.LOCKED;
    }
    if (Secrets.same(token, header.substring(7).strip())) {
      throttle.succeeded(ctx.ip());
      return Bearer.VALID;
    }
    throttle.failed(ctx.ip());
    return Bearer.WRONG;
  }

  /** Seconds to wait, as whole minutes rounded up. */
  private static long minutes(long seconds) {
    return (seconds + 59) / 60;
  }

  private static void toLogin(Context ctx) {
    ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
  }

  /** A form was posted without a live session (it expired, or the server restarted). */
  private static void signInAgain(Context ctx) {
    ctx.status(HttpStatus.UNAUTHORIZED);
    ctx.header("WWW-Authenticate", REALM);
    Text t = Text.of(ctx);
    Page.render(ctx, "admin-login", t.t("admin.login.title"), NAV, LoginView.of(
        t.t("admin.login.expired", AdminSessions.SESSION_LIFETIME.toHours())));
  }

  private static void noStore(Context ctx) {
    ctx.header("Cache-Control", "no-store");
  }
}
