package org.markproof.service.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.beans.Introspector;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the fields fabric8's model did not recognise. Jackson puts a misspelt or misplaced field
 * ({@code readinesProbe}, {@code resources} one level too deep) into the {@code
 * additionalProperties} map of the object it appears in instead of failing; this walks the whole
 * typed object graph and reports every such map that is not empty, with its path.
 */
final class UnknownFields {
  private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";
  private static final int MAX_DEPTH = 64;

  private UnknownFields() {}

  /** Paths such as {@code spec.template.spec.containers[0]: [readinesProbe]}; empty when clean. */
  static List<String> in(Object object) {
    List<String> found = new ArrayList<>();
    walk(object, "", found, 0);
    return found;
  }

  private static void walk(Object value, String path, List<String> found, int depth) {
    if (value == null || depth > MAX_DEPTH) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int index = 0;
      for (Object item : items) {
        walk(item, path + "[" + index++ + "]", found, depth + 1);
      }
      return;
    }
    if (value instanceof Map<?, ?> entries) {
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        walk(entry.getValue(), path + "[" + entry.getKey() + "]", found, depth + 1);
      }
      return;
    }
    if (!value.getClass().getName().startsWith(MODEL_PACKAGE)) {
      return;
    }
    for (Method getter : getters(value.getClass())) {
      Object property = invoke(getter, value);
      if (getter.getName().equals("getAdditionalProperties")) {
        if (property instanceof Map<?, ?> extra
            && !extra.isEmpty()
            && !(value instanceof GenericKubernetesResource)) {
          found.add(
              (path.isEmpty() ? "<top>" : path.substring(1))
                  + ": "
                  + new TreeSet<>(extra.keySet().stream().map(String::valueOf).toList()));
        }
        continue;
      }
      walk(property, path + "." + propertyName(getter), found, depth + 1);
    }
  }

  private static List<Method> getters(Class<?> type) {
    List<Method> getters = new ArrayList<>();
    for (Method method : type.getMethods()) {
      if (method.getParameterCount() == 0
          && !Modifier.isStatic(method.getModifiers())
          && method.getDeclaringClass() != Object.class
          && (method.getName().startsWith("get") || method.getName().startsWith("is"))
          && method.getReturnType() != void.class) {
        getters.add(method);
      }
    }
    return getters;
  }

  private static String propertyName(Method getter) {
    String name = getter.getName();
    return Introspector.decapitalize(name.substring(name.startsWith("is") ? 2 : 3));
  }

  private static Object invoke(Method getter, Object target) {
    try {
      return getter.invoke(target);
    } catch (IllegalAccessException | InvocationTargetException e) {
      return null;
    }
  }
}
