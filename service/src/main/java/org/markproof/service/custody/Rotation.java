package org.markproof.service.custody;

import java.util.List;

/**
 * What a master key rotation ({@link KeyVault#reencryptAll()}) did.
 *
 * @param masterKeyId the current master key every moved key is now sealed under
 * @param reencrypted how many keys this run moved to it, participants' and batches' label keys
 * @param unopenable keys left as they were because no configured master key opens them, each as
 *     "participant (key id) under master key id" or "label key of batch gtin/batch issued by
 *     participant (key id) under master key id"; empty when every key is under the current key
 */
public record Rotation(String masterKeyId, int reencrypted, List<String> unopenable) {
  public Rotation {
    unopenable = List.copyOf(unopenable);
  }
}
