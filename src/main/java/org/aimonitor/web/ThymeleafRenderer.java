package org.aimonitor.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.util.Map;
import org.aimonitor.i18n.Lang;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders {@code web/templates/NAME.html} from the classpath with Thymeleaf. */
public final class ThymeleafRenderer implements FileRenderer {

  private final TemplateEngine engine = new TemplateEngine();

  public ThymeleafRenderer() {
    RecordPropertyAccessor.install();
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("web/templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new BundleMessageResolver());
  }

  @Override
  public String render(String template, Map<String, ?> model, Context ctx) {
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = (Map<String, Object>) model;
    return engine.process(template, new org.thymeleaf.context.Context(Lang.of(ctx).locale(), variables));
  }
}
