package org.markproof.contracts.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.StrictUtf8;
import org.markproof.contracts.note.Ed25519NoteVerifier;
import org.markproof.contracts.note.VerifierKey;

/**
 * Parses c2sp.org/tlog-policy files: lines of items separated by spaces and tabs, blank and {@code
 * #} comment lines ignored, only tab and newline as control characters, names referring to earlier
 * lines only, exactly one quorum, no duplicate name or key, {@code 1 <= k <= n}.
 *
 * <p>Choices where the spec leaves room: every line must end with a newline; a numeric k has no
 * leading zero; names and URLs must be UTF-8 (the spec strongly recommends it; UTF-8 decoding is
 * one-to-one, so names still compare as octet strings); log keys must be Ed25519 (0x01) and witness
 * keys Ed25519 cosignature keys (0x04), the only types this code verifies. Bounds: {@link
 * #MAX_POLICY_BYTES}, and {@link #MAX_ENTRIES} logs, witnesses and groups each, above the 32 the
 * spec asks implementations to support.
 */
final class TlogPolicyParser {
  static final int MAX_POLICY_BYTES = 64 * 1024;
  static final int MAX_ENTRIES = 64;

  private final List<PolicyLog> logs = new ArrayList<>();
  private final List<PolicyWitness> witnesses = new ArrayList<>();
  private final List<PolicyGroup> groups = new ArrayList<>();
  private final Set<String> defined = new HashSet<>();
  private final Set<String> members = new HashSet<>();
  private final Set<ByteBuffer> logKeys = new HashSet<>();
  private final Set<ByteBuffer> witnessKeys = new HashSet<>();
  private String quorum;
  private int lineNumber;

  private TlogPolicyParser() {}

  static TlogPolicy parse(byte[] policy) throws MalformedDataException {
    if (policy == null || policy.length > MAX_POLICY_BYTES) {
      throw new MalformedDataException("policy: missing or larger than " + MAX_POLICY_BYTES);
    }
    for (int i = 0; i < policy.length; i++) {
      int b = policy[i] & 0xff;
      if (b != '\t' && b != '\n' && (b < 0x20 || b == 0x7f)) {
        throw new MalformedDataException(
            "policy: octet 0x" + Integer.toHexString(b) + " at offset " + i + " is not allowed");
      }
    }
    if (policy.length > 0 && policy[policy.length - 1] != '\n') {
      throw new MalformedDataException("policy: the last line does not end with a newline");
    }
    TlogPolicyParser parser = new TlogPolicyParser();
    int start = 0;
    while (start < policy.length) {
      int end = start;
      while (policy[end] != '\n') {
        end++;
      }
      parser.lineNumber++;
      parser.line(policy, start, end);
      start = end + 1;
    }
    if (parser.quorum == null) {
      throw new MalformedDataException("policy: no quorum line");
    }
    return new TlogPolicy(parser.logs, parser.witnesses, parser.groups, parser.quorum);
  }

  private void line(byte[] policy, int from, int to) throws MalformedDataException {
    List<int[]> spans = new ArrayList<>();
    for (int i = from; i < to; ) {
      if (policy[i] == ' ' || policy[i] == '\t') {
        i++;
        continue;
      }
      int j = i;
      while (j < to && policy[j] != ' ' && policy[j] != '\t') {
        j++;
      }
      spans.add(new int[] {i, j});
      i = j;
    }
    if (spans.isEmpty() || policy[spans.get(0)[0]] == '#') {
      return;
    }
    List<String> fields = new ArrayList<>(spans.size());
    for (int[] span : spans) {
      fields.add(utf8(policy, span[0], span[1]));
    }
    switch (fields.get(0)) {
      case "log" -> log(fields);
      case "witness" -> witness(fields);
      case "group" -> group(fields);
      case "quorum" -> quorum(fields);
      default -> throw error("unknown keyword \"" + fields.get(0) + "\"");
    }
  }

  private void log(List<String> f) throws MalformedDataException {
    if (f.size() < 2 || f.size() > 3) {
      throw error("expected log <vkey> [<url>]");
    }
    requireRoom(logs.size(), "logs");
    Ed25519NoteVerifier verifier = Ed25519NoteVerifier.fromKey(key(f.get(1)));
    if (!logKeys.add(ByteBuffer.wrap(verifier.publicKey().bytes()))) {
      throw error("duplicate log public key " + f.get(1));
    }
    logs.add(new PolicyLog(verifier, url(f, 2)));
  }

  private void witness(List<String> f) throws MalformedDataException {
    if (f.size() < 3 || f.size() > 4) {
      throw error("expected witness <name> <vkey> [<url>]");
    }
    requireRoom(witnesses.size(), "witnesses");
    String name = newName(f.get(1));
    Ed25519CosignatureVerifier verifier = Ed25519CosignatureVerifier.fromKey(key(f.get(2)));
    if (!witnessKeys.add(ByteBuffer.wrap(verifier.publicKey().bytes()))) {
      throw error("duplicate witness public key " + f.get(2));
    }
    witnesses.add(new PolicyWitness(name, verifier, url(f, 3)));
    defined.add(name);
  }

  private void group(List<String> f) throws MalformedDataException {
    if (f.size() < 4) {
      throw error("expected group <name> <all|any|k> <member>...");
    }
    requireRoom(groups.size(), "groups");
    String name = newName(f.get(1));
    List<String> list = f.subList(3, f.size());
    int k = threshold(f.get(2), list.size());
    for (String member : list) {
      if (!defined.contains(member)) {
        throw error(
            "group " + name + ": member \"" + member + "\" is not defined on an earlier line");
      }
      if (!members.add(member)) {
        throw error("\"" + member + "\" is listed as a group member more than once");
      }
    }
    groups.add(new PolicyGroup(name, k, list));
    defined.add(name);
  }

  private void quorum(List<String> f) throws MalformedDataException {
    if (f.size() != 2) {
      throw error("expected quorum <name>");
    }
    if (quorum != null) {
      throw error("a second quorum line; a policy has exactly one");
    }
    if (!TlogPolicy.NONE.equals(f.get(1)) && !defined.contains(f.get(1))) {
      throw error("quorum \"" + f.get(1) + "\" is not defined on an earlier line");
    }
    quorum = f.get(1);
  }

  private int threshold(String text, int n) throws MalformedDataException {
    long k;
    if (text.equals("any")) {
      k = 1;
    } else if (text.equals("all")) {
      k = n;
    } else {
      k = Decimals.parse(text, "policy line " + lineNumber + ": threshold");
    }
    if (k < 1 || k > n) {
      throw error("threshold " + text + " is outside [1, " + n + "]");
    }
    return (int) k;
  }

  private String newName(String name) throws MalformedDataException {
    if (TlogPolicy.NONE.equals(name)) {
      throw error("the name \"none\" is reserved");
    }
    if (defined.contains(name)) {
      throw error("the name \"" + name + "\" is already defined");
    }
    return name;
  }

  private VerifierKey key(String text) throws MalformedDataException {
    try {
      return VerifierKey.parse(text);
    } catch (MalformedDataException e) {
      throw error(e.getMessage());
    }
  }

  private static Optional<String> url(List<String> f, int index) {
    return f.size() > index ? Optional.of(f.get(index)) : Optional.empty();
  }

  private void requireRoom(int count, String what) throws MalformedDataException {
    if (count == MAX_ENTRIES) {
      throw error("more than " + MAX_ENTRIES + " " + what);
    }
  }

  private String utf8(byte[] bytes, int from, int to) throws MalformedDataException {
    try {
      return StrictUtf8.decode(bytes, from, to);
    } catch (CharacterCodingException e) {
      throw error("an item is not valid UTF-8");
    }
  }

  private MalformedDataException error(String message) {
    return new MalformedDataException("policy line " + lineNumber + ": " + message);
  }
}
