package org.aimonitor.web;

import org.aimonitor.i18n.Lang;
import org.aimonitor.i18n.Messages;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * Lets templates say {@code #{nav.overview}} and {@code #{site.title(${page.title})}}: messages
 * come from our bundles ({@link Messages}) in the language the page renders in. A missing key
 * fails the render instead of printing a placeholder, so the page tests catch it.
 */
final class BundleMessageResolver implements IMessageResolver {

  @Override
  public String getName() {
    return "aim-bundles";
  }

  @Override
  public Integer getOrder() {
    return 0;
  }

  @Override
  public String resolveMessage(ITemplateContext context, Class<?> origin, String key,
      Object[] messageParameters) {
    return Messages.get(Lang.of(context.getLocale()), key, messageParameters);
  }

  @Override
  public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin,
      String key, Object[] messageParameters) {
    throw new Messages.MissingMessageException(Lang.of(context.getLocale()), key);
  }
}
