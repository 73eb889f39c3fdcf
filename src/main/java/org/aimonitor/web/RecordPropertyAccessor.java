package org.aimonitor.web;

import java.lang.reflect.RecordComponent;
import ognl.ObjectPropertyAccessor;
import ognl.OgnlContext;
import ognl.OgnlException;
import ognl.OgnlRuntime;

/**
 * Lets templates read record components as properties ({@code ${card.title}}). Thymeleaf's
 * OGNL only knows JavaBean getters, and our view models are records.
 */
final class RecordPropertyAccessor extends ObjectPropertyAccessor {

  private static volatile boolean installed;

  static synchronized void install() {
    if (!installed) {
      OgnlRuntime.setPropertyAccessor(Record.class, new RecordPropertyAccessor());
      installed = true;
    }
  }

  @Override
  public Object getPossibleProperty(OgnlContext context, Object target, String name)
      throws OgnlException {
    for (RecordComponent component : target.getClass().getRecordComponents()) {
      if (component.getName().equals(name)) {
        try {
          return component.getAccessor().invoke(target);
        } catch (ReflectiveOperationException e) {
          throw new OgnlException("cannot read " + name + " of " + target.getClass().getSimpleName(), e);
        }
      }
    }
    return super.getPossibleProperty(context, target, name);
  }
}
