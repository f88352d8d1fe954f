package org.markproof.contracts.verdict;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.markproof.contracts.entry.OfficeCode;

/**
 * Whether rights listed for some territories (ST.3 codes) reach a post's territory: the same code,
 * or a regional office whose rights cover the post's state — {@code EM} (EUIPO) the 27 EU member
 * states, {@code BX} (BOIP) Belgium, the Netherlands and Luxembourg.
 */
public final class Territories {
  private static final Map<String, Set<String>> REGIONS =
      Map.of(
          "EM",
          Set.of(
              "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
              "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
          "BX",
          Set.of("BE", "NL", "LU"));

  private Territories() {}

  /** Whether rights listed for {@code listed} reach a post whose territory is {@code post}. */
  public static boolean reach(Collection<OfficeCode> listed, OfficeCode post) {
    for (OfficeCode territory : listed) {
      if (territory.equals(post)
          || REGIONS.getOrDefault(territory.code(), Set.of()).contains(post.code())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The territories a post within {@code territory} may name as its own: the code itself and, for a
   * regional office, each of its member states.
   */
  public static Set<OfficeCode> within(OfficeCode territory) {
    Set<OfficeCode> out = new TreeSet<>();
    out.add(territory);
    for (String member : REGIONS.getOrDefault(territory.code(), Set.of())) {
      out.add(OfficeCode.of(member));
    }
    return out;
  }
}
