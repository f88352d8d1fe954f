package org.markproof.service.k8s;

import io.smallrye.config.ConfigMappings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys the service defines, and which of them an environment variable sets.
 *
 * <p>Keys come from {@code application.properties} (profile prefixes dropped, keys named in {@code
 * ${...}} expressions included), from {@code @ConfigProperty(name = ...)} and from string constants
 * that are whole keys (the launcher reads keys through SmallRye Config directly) in the service's
 * main sources, and from every {@code @ConfigMapping} interface there (its properties as SmallRye
 * derives them). An environment variable sets a key when it equals the key's environment name under
 * SmallRye's rule (MicroProfile Config §"Environment Variables Mapping Rules"): every character
 * that is not a letter or digit becomes {@code _}, letters go upper case.
 */
final class ConfigurationKeys {
  private static final Pattern CONFIG_PROPERTY =
      Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern CONFIG_MAPPING =
      Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern KEY_CONSTANT =
      Pattern.compile("\"((?:markproof|quarkus|mp|smallrye)(?:\\.[a-z0-9-]+)+)\"");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}]+)");
  private static final Pattern PACKAGE =
      Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);

  private final TreeSet<String> keys;

  ConfigurationKeys(TreeSet<String> keys) {
    this.keys = keys;
  }

  /** The keys of the service module at {@code module}. */
  static ConfigurationKeys ofServiceModule(Path module) {
    TreeSet<String> keys = new TreeSet<>();
    keys.addAll(fromProperties(module.resolve("src/main/resources/application.properties")));
    keys.addAll(fromSources(module.resolve("src/main/java")));
    return new ConfigurationKeys(keys);
  }

  TreeSet<String> keys() {
    return keys;
  }

  /** The key {@code environmentVariable} sets, if any. */
  Optional<String> keyFor(String environmentVariable) {
    return keys.stream()
        .filter(key -> environmentPattern(key).matcher(environmentVariable).matches())
        .findFirst();
  }

  /** SmallRye's environment name of a key: non-alphanumerics to {@code _}, upper case. */
  static String environmentName(String key) {
    StringBuilder name = new StringBuilder(key.length());
    for (char c : key.toCharArray()) {
      name.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
    }
    return name.toString();
  }

  /** The environment names a key matches; a {@code *} of a mapping's map key matches a word. */
  static Pattern environmentPattern(String key) {
    String[] parts = key.split("\\*", -1);
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append("[A-Z0-9_]+");
      }
      regex.append(Pattern.quote(environmentName(parts[i])));
    }
    return Pattern.compile(regex.toString());
  }

  static List<String> fromProperties(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> keys = new ArrayList<>();
    for (String name : properties.stringPropertyNames()) {
      keys.add(name.startsWith("%") ? name.substring(name.indexOf('.') + 1) : name);
      Matcher expression = EXPRESSION.matcher(properties.getProperty(name));
      while (expression.find()) {
        keys.add(expression.group(1));
      }
    }
    return keys;
  }

  static List<String> fromSources(Path sourceRoot) {
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        keys.addAll(fromSource(Files.readString(file, StandardCharsets.UTF_8), file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }

  /** The keys one source file defines; a {@code @ConfigMapping} type is loaded and introspected. */
  static List<String> fromSource(String source, Path file) {
    List<String> keys = new ArrayList<>();
    for (Pattern pattern : List.of(CONFIG_PROPERTY, KEY_CONSTANT)) {
      Matcher matcher = pattern.matcher(source);
      while (matcher.find()) {
        keys.add(matcher.group(1));
      }
    }
    Matcher mapping = CONFIG_MAPPING.matcher(source);
    if (mapping.find()) {
      Matcher packageName = PACKAGE.matcher(source);
      String simpleName = file.getFileName().toString().replace(".java", "");
      String className = packageName.find() ? packageName.group(1) + "." + simpleName : simpleName;
      try {
        keys.addAll(mappingKeys(Class.forName(className), mapping.group(1)));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(file + ": @ConfigMapping type " + className + " not found");
      }
    }
    return keys;
  }

  /** The property names SmallRye derives for a mapping interface under {@code prefix}. */
  static List<String> mappingKeys(Class<?> mapping, String prefix) {
    return ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping, prefix))
        .keySet()
        .stream()
        .toList();
  }
}
