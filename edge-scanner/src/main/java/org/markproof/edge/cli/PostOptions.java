package org.markproof.edge.cli;

import java.util.Optional;
import java.util.regex.Pattern;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.entry.OfficeCode;
import org.markproof.edge.store.EdgeStore;
import org.markproof.edge.store.EdgeStoreException;
import org.markproof.edge.store.PostProfile;
import picocli.CommandLine.Option;

/**
 * {@code --post ID [--lat DEG --lon DEG] [--territory ST3]}: the post a store belongs to, given
 * once and remembered in the store; later commands may leave them out.
 */
final class PostOptions {
  /** The service's syntax of a post id ({@code POST /v1/scans}). */
  static final Pattern POST_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  @Option(
      names = "--post",
      paramLabel = "ID",
      description = "The border post (remembered in the store after the first scan)")
  String postId;

  @Option(names = "--lat", paramLabel = "DEG", description = "The post's latitude (remembered)")
  Double lat;

  @Option(names = "--lon", paramLabel = "DEG", description = "The post's longitude (remembered)")
  Double lon;

  @Option(
      names = "--territory",
      paramLabel = "ST3",
      description =
          "The post's territory, e.g. DE (remembered); goods not covered there are"
              + " NOT_AUTHORIZED")
  String territory;

  /**
   * The post to act for: the store's, updated with what the options give. A store belongs to one
   * post: naming another is refused.
   *
   * @throws MalformedDataException if no post is known yet or the options are invalid
   */
  PostProfile resolve(EdgeStore store) throws EdgeStoreException, MalformedDataException {
    Optional<PostProfile> known = store.post();
    if (postId != null && !POST_ID.matcher(postId).matches()) {
      throw new MalformedDataException(
          "--post " + postId + ": expected a post id (a-z, 0-9, . _ -)");
    }
    if (known.isPresent() && postId != null && !known.get().postId().equals(postId)) {
      throw new MalformedDataException(
          store.file()
              + " belongs to post "
              + known.get().postId()
              + ", not "
              + postId
              + "; a post keeps its own store (--store FILE)");
    }
    if (known.isEmpty() && postId == null) {
      throw new MalformedDataException(
          store.file() + " has no post yet: give --post ID --lat DEG --lon DEG once");
    }
    if ((lat == null) != (lon == null)) {
      throw new MalformedDataException("give --lat and --lon together");
    }
    if (known.isEmpty() && lat == null) {
      throw new MalformedDataException(
          "the first scan at post " + postId + " needs its position: --lat DEG --lon DEG");
    }
    if (territory != null) {
      try {
        OfficeCode.of(territory);
      } catch (IllegalArgumentException e) {
        throw new MalformedDataException("--territory: " + e.getMessage(), e);
      }
    }
    if (postId == null && lat == null && territory == null) {
      return known.get();
    }
    PostProfile base = known.orElse(null);
    PostProfile next;
    try {
      next =
          new PostProfile(
              postId != null ? postId : base.postId(),
              lat != null ? lat : base.lat(),
              lon != null ? lon : base.lon(),
              territory != null
                  ? Optional.of(territory)
                  : base == null ? Optional.empty() : base.territory());
    } catch (IllegalArgumentException e) {
      throw new MalformedDataException(e.getMessage(), e);
    }
    if (!known.equals(Optional.of(next))) {
      store.setPost(next);
    }
    return next;
  }
}
