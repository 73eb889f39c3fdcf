package org.aimonitor.admin;

import io.javalin.security.RouteRole;

/**
 * Who may reach a staff route: the route table gives each {@code /admin} route one role, and
 * {@link AdminAccess#check} enforces it once, before the handler runs (as javalinstagram's
 * access manager does). The handlers themselves never look at tokens or sessions' absence.
 */
public enum StaffRole implements RouteRole {
  /** The sign-in page and form, and redirects to the admin home. */
  ANYONE,
  /** A staff page: a signed-in session; otherwise the sign-in page (or, for a post, a 401 page). */
  SIGNED_IN,
  /** A staff page scripts may read too: a session, or the admin token as a Bearer header. */
  SIGNED_IN_OR_TOKEN,
  /** The API for scripts: the admin token as a Bearer header; refusals are JSON. */
  TOKEN
}
