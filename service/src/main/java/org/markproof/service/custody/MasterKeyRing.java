package org.markproof.service.custody;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The master keys a service knows: the current one, which seals every new key and every key a
 * rotation re-encrypts, and the previous ones, still accepted for opening rows sealed before a
 * rotation (until {@link KeyVault#reencryptAll()} has moved them).
 */
public final class MasterKeyRing {
  private final MasterKey current;
  private final Map<String, MasterKey> byId;

  /**
   * @param current the key new seals use
   * @param previous keys accepted for opening only; the current key among them is ignored
   */
  public MasterKeyRing(MasterKey current, List<MasterKey> previous) {
    this.current = current;
    Map<String, MasterKey> keys = new LinkedHashMap<>();
    keys.put(current.id(), current);
    for (MasterKey key : previous) {
      keys.putIfAbsent(key.id(), key);
    }
    this.byId = Map.copyOf(keys);
  }

  public MasterKey current() {
    return current;
  }

  /** The key named {@code id}, if this ring holds it. */
  public Optional<MasterKey> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public String toString() {
    return "MasterKeyRing[current=" + current.id() + ", known=" + byId.keySet() + "]";
  }
}
