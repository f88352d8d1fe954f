package org.markproof.service.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Copies the drill's "production" database into a new one as an operator's backup and restore
 * would: {@code pg_dump --format=custom}, then {@code pg_restore} into a new database, with the
 * machine's PostgreSQL client tools of the server's major version or newer (pg_dump refuses a
 * server newer than itself). Where there are none (no PostgreSQL client installed) it copies with
 * {@code CREATE DATABASE … TEMPLATE} and says so.
 */
final class DatabaseBackup {
  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
  private static final long TOOL_TIMEOUT_SECONDS = 120;

  private DatabaseBackup() {}

  /** PostgreSQL client tools in {@code bin} of major version {@code major}. */
  record Tools(Path bin, int major) {}

  /**
   * Copies {@code source} into the new database {@code target} on {@code server}.
   *
   * @return how it was copied, for the test's log
   */
  static String copy(DrillServer server, DrillServer.Database source, String target, Path work)
      throws IOException, InterruptedException {
    Optional<Tools> tools = find(server.majorVersion());
    if (tools.isEmpty()) {
      server.execute("CREATE DATABASE " + target + " TEMPLATE " + source.name());
      return "CREATE DATABASE … TEMPLATE (no pg_dump of major version "
          + server.majorVersion()
          + " or newer found)";
    }
    Files.createDirectories(work);
    Path dump = work.resolve("production.dump");
    Files.deleteIfExists(dump);
    run(
        tools.get(),
        work,
        source,
        "pg_dump",
        "--format=custom",
        "--file=" + dump,
        "--dbname=" + source.name());
    server.execute("CREATE DATABASE " + target);
    run(
        tools.get(),
        work,
        source,
        "pg_restore",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        "--dbname=" + target,
        dump.toString());
    return "pg_dump and pg_restore "
        + tools.get().major()
        + " from "
        + tools.get().bin()
        + " ("
        + Files.size(dump)
        + "-byte custom-format dump)";
  }

  /**
   * The client tools of the smallest major version not below {@code serverMajor}: from {@code
   * -Dmarkproof.test.pg-bin}, Debian's {@code /usr/lib/postgresql/<major>/bin}, or the PATH.
   */
  static Optional<Tools> find(int serverMajor) throws IOException, InterruptedException {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getProperty("markproof.test.pg-bin", "");
    if (!configured.isBlank()) {
      candidates.add(Path.of(configured));
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        versions.map(v -> v.resolve("bin")).sorted().forEach(candidates::add);
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        candidates.add(Path.of(dir));
      }
    }
    List<Tools> usable = new ArrayList<>();
    for (Path bin : candidates) {
      if (Files.isExecutable(bin.resolve("pg_dump"))
          && Files.isExecutable(bin.resolve("pg_restore"))) {
        int major = majorVersion(bin.resolve("pg_dump"));
        if (major >= serverMajor) {
          usable.add(new Tools(bin, major));
        }
      }
    }
    return usable.stream().min(Comparator.comparingInt(Tools::major));
  }

  private static int majorVersion(Path tool) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    Matcher m = VERSION.matcher(output);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** Runs a client tool against {@code server}'s host, port and role (libpq's environment). */
  private static void run(
      Tools tools, Path work, DrillServer.Database server, String tool, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(tools.bin().resolve(tool).toString());
    command.addAll(List.of(arguments));
    Path log = work.resolve(tool + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("PGHOST", server.host());
    builder.environment().put("PGPORT", Integer.toString(server.port()));
    builder.environment().put("PGUSER", server.user());
    if (!server.password().isEmpty()) {
      builder.environment().put("PGPASSWORD", server.password());
    }
    Process process = builder.start();
    if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(tool + " did not finish in " + TOOL_TIMEOUT_SECONDS + " s");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " exited "
              + process.exitValue()
              + ": "
              + Files.readString(log));
    }
  }
}
