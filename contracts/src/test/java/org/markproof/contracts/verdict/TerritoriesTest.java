package org.markproof.contracts.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.markproof.contracts.entry.OfficeCode;

/** Regional rights reach their member states, and a region holds its members as posts. */
class TerritoriesTest {
  private static OfficeCode code(String text) {
    return OfficeCode.of(text);
  }

  @Test
  void aRegionalRightReachesItsMemberStatesAndItselfButNoOtherState() {
    assertTrue(Territories.reach(List.of(code("EM")), code("DE")));
    assertTrue(Territories.reach(List.of(code("EM")), code("EM")));
    assertTrue(Territories.reach(List.of(code("US"), code("BX")), code("LU")));
    assertFalse(Territories.reach(List.of(code("EM")), code("US")));
    assertFalse(Territories.reach(List.of(code("DE")), code("EM")));
  }

  @Test
  void withinARegionAreTheRegionAndEachMemberStateWithinAStateOnlyItself() {
    Set<OfficeCode> eu = Territories.within(code("EM"));
    assertEquals(28, eu.size());
    assertTrue(eu.contains(code("EM")) && eu.contains(code("FR")) && eu.contains(code("SE")));
    assertFalse(eu.contains(code("CH")));
    assertEquals(
        Set.of(code("BX"), code("BE"), code("NL"), code("LU")), Territories.within(code("BX")));
    assertEquals(Set.of(code("AU")), Territories.within(code("AU")));
  }
}
