package org.markproof.service.state;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.markproof.contracts.MalformedDataException;
import org.markproof.contracts.label.Gtin;
import org.markproof.service.auth.Groups;

/**
 * The ledger's state, as projected from the log ({@link StateProjector}; it follows the log within
 * {@code markproof.state.poll-interval}). Public facts (participants, marks with their chain of
 * ownership, licenses, products) are readable by every authenticated participant; a batch, with its
 * label key and revocations, only by its issuer and operators — to anyone else it does not exist.
 *
 * <p>Every document names the log entries its facts come from ({@code "index"}), to be proven with
 * the log API.
 */
@Path("/v1")
@RolesAllowed({Groups.REGISTRAR, Groups.BRAND_OWNER, Groups.CUSTOMS, Groups.OPERATOR})
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@WithSession
public class StateResource {
  private static final Pattern OFFICE = Pattern.compile("[A-Z]{2}");
  private static final Pattern REGISTRATION_NUMBER =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,63}");
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  /** GS1 AI 10: up to 20 characters of the GS1 AI encodable character set 82. */
  private static final Pattern BATCH = Pattern.compile("[!\"%-?A-Z_a-z]{1,20}");

  @Inject JsonWebToken token;

  @GET
  @Path("/participants/{id}")
  public Uni<String> participant(@PathParam("id") String id) {
    require("id", id, IDENTIFIER, "a participant id (lower-case letters, digits, '.', '_', '-')");
    return ParticipantState.<ParticipantState>findById(id)
        .map(found -> document(found == null ? null : found.document, "participant " + id));
  }

  @GET
  @Path("/trademarks/{office}/{number}")
  public Uni<String> trademark(
      @PathParam("office") String office, @PathParam("number") String number) {
    require("office", office, OFFICE, "a WIPO ST.3 code of two capital letters");
    require("number", number, REGISTRATION_NUMBER, "a registration number");
    return TrademarkState.<TrademarkState>find("office = ?1 and number = ?2", office, number)
        .firstResult()
        .map(
            found ->
                document(
                    found == null ? null : found.document, "trademark " + office + " " + number));
  }

  @GET
  @Path("/licenses/{id}")
  public Uni<String> license(@PathParam("id") String id) {
    require("id", id, Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"), "a license id");
    return LicenseState.<LicenseState>findById(id)
        .map(found -> document(found == null ? null : found.document, "license " + id));
  }

  @GET
  @Path("/products/{gtin}")
  public Uni<String> product(@PathParam("gtin") String gtin) {
    String digits = gtin(gtin);
    return ProductState.<ProductState>findById(digits)
        .map(found -> document(found == null ? null : found.document, "product " + digits));
  }

  @GET
  @Path("/batches/{gtin}/{batch}")
  public Uni<String> batch(@PathParam("gtin") String gtin, @PathParam("batch") String batch) {
    String digits = gtin(gtin);
    require("batch", batch, BATCH, "a GS1 AI 10 batch/lot of up to 20 characters");
    String caller = token.getSubject();
    boolean operator = token.getGroups().contains(Groups.OPERATOR);
    return BatchState.<BatchState>find("gtin = ?1 and batch = ?2", digits, batch)
        .firstResult()
        .map(
            found ->
                document(
                    found != null && (operator || found.issuer.equals(caller))
                        ? found.document
                        : null,
                    "batch " + batch + " of " + digits + " that you issued"));
  }

  private static String gtin(String text) {
    try {
      return Gtin.parseGtin14(text).digits();
    } catch (MalformedDataException e) {
      throw new BadRequestException("gtin: " + e.getMessage());
    }
  }

  private static void require(String name, String value, Pattern pattern, String expected) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new BadRequestException(name + ": expected " + expected);
    }
  }

  private static String document(String document, String what) {
    if (document == null) {
      throw new NotFoundException("no " + what + " in the ledger");
    }
    return document;
  }
}
