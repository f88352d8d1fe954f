package org.markproof.service.custody;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.markproof.contracts.crypto.Ed25519PrivateKey;
import org.markproof.contracts.crypto.Ed25519PublicKey;
import org.markproof.contracts.entry.KeyId;

/**
 * The service's key vault as configured: master keys read at start-up, then {@link KeyVault}'s
 * operations, with opened keys kept in memory so that signing does not reopen them per request.
 *
 * <p>Configuration: {@code markproof.custody.master-key-file} (the current master key, a file
 * holding the base64 of 32 random bytes, mounted from a Kubernetes Secret in production) and {@code
 * markproof.custody.previous-master-key-files} (comma-separated, accepted for opening only, until a
 * rotation has moved every key). Without a configured file and with {@code markproof.demo=true}, a
 * master key is generated once in {@code <markproof.data-dir>/keys/custody-master.key}
 * (owner-readable only). Without either, custodial signing answers 503 and says what to configure;
 * everything else works.
 */
@ApplicationScoped
public class CustodialKeys {
  private static final Logger LOG = Logger.getLogger(CustodialKeys.class);

  private final CustodialKeyStore store;
  private final LabelKeyStore labelKeyStore;
  private final Optional<Path> masterKeyFile;
  private final Optional<List<Path>> previousMasterKeyFiles;
  private final boolean demo;
  private final Path dataDir;
  private final Map<String, Ed25519PrivateKey> opened = new ConcurrentHashMap<>();
  private volatile KeyVault vault;
  private volatile LabelKeyVault labelVault;

  CustodialKeys(
      CustodialKeyStore store,
      LabelKeyStore labelKeyStore,
      @ConfigProperty(name = "markproof.custody.master-key-file") Optional<Path> masterKeyFile,
      @ConfigProperty(name = "markproof.custody.previous-master-key-files")
          Optional<List<Path>> previousMasterKeyFiles,
      @ConfigProperty(name = "markproof.demo") boolean demo,
      @ConfigProperty(name = "markproof.data-dir") Path dataDir) {
    this.store = store;
    this.labelKeyStore = labelKeyStore;
    this.masterKeyFile = masterKeyFile;
    this.previousMasterKeyFiles = previousMasterKeyFiles;
    this.demo = demo;
    this.dataDir = dataDir;
  }

  /** Reads the master keys at start-up, so that a misconfigured key stops the service at once. */
  void load(@Observes StartupEvent event) {
    try {
      Optional<MasterKeyRing> ring = readRing();
      if (ring.isEmpty()) {
        LOG.warn(
            "Custodial signing is off: no markproof.custody.master-key-file is configured"
                + " (participants can still submit entries they sign themselves)");
        return;
      }
      SecureRandom random = new SecureRandom();
      vault = new KeyVault(store, ring.get(), random);
      labelVault = new LabelKeyVault(labelKeyStore, ring.get(), random);
      LOG.infof("Custodial signing keys are sealed under master key %s", ring.get().current().id());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the custody master keys: " + e.getMessage(), e);
    }
  }

  private Optional<MasterKeyRing> readRing() throws IOException {
    MasterKey current;
    if (masterKeyFile.isPresent()) {
      current = MasterKeyFiles.read(masterKeyFile.get());
    } else if (demo) {
      Path file = dataDir.resolve("keys").resolve(MasterKeyFiles.DEMO_FILE);
      current = MasterKeyFiles.readOrCreate(file, new SecureRandom());
      LOG.infof("Demo mode: the custody master key is kept in %s", file);
    } else {
      return Optional.empty();
    }
    List<MasterKey> previous = new ArrayList<>();
    for (Path file : previousMasterKeyFiles.orElse(List.of())) {
      previous.add(MasterKeyFiles.read(file));
    }
    return Optional.of(new MasterKeyRing(current, previous));
  }

  /** The key held for {@code participant}, generated now if none is (see {@link KeyVault}). */
  public Uni<KeyVault.HeldKey> obtain(String participant) {
    return vault().flatMap(v -> v.obtain(participant));
  }

  /**
   * The key to sign {@code participant}'s statements with.
   *
   * @throws CustodialKeyMissingException (as the Uni's failure) if no key is held for it
   */
  public Uni<Ed25519PrivateKey> signingKey(String participant) {
    Ed25519PrivateKey cached = opened.get(participant);
    if (cached != null) {
      return Uni.createFrom().item(cached);
    }
    return vault()
        .flatMap(v -> v.signingKey(participant))
        .map(
            key -> {
              Ed25519PrivateKey found =
                  key.orElseThrow(() -> new CustodialKeyMissingException(participant));
              opened.put(participant, found);
              return found;
            });
  }

  /** Forgets a key generated for an enrolment the ledger refused. */
  public Uni<Boolean> discard(String participant, KeyId keyId) {
    opened.remove(participant);
    return vault().flatMap(v -> v.discard(participant, keyId));
  }

  /**
   * The public label key held for a batch of {@code gtin} (GTIN-14 digits) issued by {@code
   * issuer}, generated now if none is ({@link LabelKeyVault#obtain}).
   */
  public Uni<Ed25519PublicKey> obtainLabelKey(String issuer, String gtin, String batch) {
    return vault().flatMap(v -> labelVault.obtain(issuer, gtin, batch));
  }

  /**
   * The label key to sign the batch's labels with, if the service holds one for that issuer. Opened
   * per call: label requests are rare next to statements, and each signs many labels.
   */
  public Uni<Optional<Ed25519PrivateKey>> labelSigningKey(
      String issuer, String gtin, String batch) {
    return vault().flatMap(v -> labelVault.signingKey(issuer, gtin, batch));
  }

  /**
   * Moves every held key, participants' ({@link KeyVault#reencryptAll()}) and batches' label keys
   * ({@link LabelKeyVault#reencryptAll}), to the current master key; the counts and the unopenable
   * keys of both are added up.
   */
  public Uni<Rotation> reencryptAll() {
    return vault()
        .flatMap(KeyVault::reencryptAll)
        .flatMap(
            participants -> {
              List<String> unopenable = new ArrayList<>(participants.unopenable());
              return labelVault
                  .reencryptAll(unopenable)
                  .map(
                      labels ->
                          new Rotation(
                              participants.masterKeyId(),
                              participants.reencrypted() + labels,
                              unopenable));
            });
  }

  private Uni<KeyVault> vault() {
    KeyVault current = vault;
    if (current == null) {
      return Uni.createFrom()
          .failure(
              new CustodyUnavailableException(
                  "custodial signing is not configured: set markproof.custody.master-key-file to"
                      + " a file holding the base64 of 32 random bytes (or run with"
                      + " markproof.demo=true)"));
    }
    return Uni.createFrom().item(current);
  }
}
