package org.markproof.contracts.entry;

/**
 * What an enrolled participant may do (DESIGN.md "Actors"): run the service, act for an IP office,
 * own or license marks, or check goods at a border post.
 */
public sealed interface ParticipantRole {
  /** The wire name of the role: {@code operator}, {@code registrar}, {@code brand-owner}, … */
  String type();

  /** Runs the service: enrols participants, rotates and revokes their keys. */
  record Operator() implements ParticipantRole {
    @Override
    public String type() {
      return "operator";
    }
  }

  /** Acts for the IP office {@code office}: records its marks, their status and assignments. */
  record Registrar(OfficeCode office) implements ParticipantRole {
    public Registrar {
      if (office == null) {
        throw new IllegalArgumentException("registrar office: missing");
      }
    }

    @Override
    public String type() {
      return "registrar";
    }
  }

  /** Holds or licenses marks: registers products, issues batches, grants licenses. */
  record BrandOwner() implements ParticipantRole {
    @Override
    public String type() {
      return "brand-owner";
    }
  }

  /** A customs officer's identity at the border post {@code post}: records seizures. */
  record Customs(String post) implements ParticipantRole {
    public Customs {
      FieldSyntax.require("customs post", FieldSyntax.identifier(post));
    }

    @Override
    public String type() {
      return "customs";
    }
  }
}
