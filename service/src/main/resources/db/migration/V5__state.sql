-- The ledger's state as the rules build it (contracts Rules.apply), projected from the log for
-- queries: one row per participant, trademark, license, product and batch, each with the JSON
-- document the query API answers with (and the columns its authorization needs). The projection
-- is derived data: it can be dropped and rebuilt from log_entry at any time.

-- How far the projection has read the log: entries [0, next_index) are in the tables below. A
-- projector moves it with a compare-and-swap in the transaction that writes the rows, so two
-- replicas projecting at once never apply an entry twice.
CREATE TABLE state_watermark (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    next_index bigint  NOT NULL CHECK (next_index >= 0)
);
INSERT INTO state_watermark (next_index) VALUES (0);

CREATE TABLE participant_state (
    id            text   PRIMARY KEY,
    role          text   NOT NULL,
    active        boolean NOT NULL,
    document      jsonb  NOT NULL,
    updated_index bigint NOT NULL
);

CREATE TABLE trademark_state (
    office        text   NOT NULL,
    number        text   NOT NULL,
    holder        text   NOT NULL,
    status        text   NOT NULL,
    document      jsonb  NOT NULL,
    updated_index bigint NOT NULL,
    PRIMARY KEY (office, number)
);

CREATE TABLE license_state (
    id            text   PRIMARY KEY,
    licensor      text   NOT NULL,
    licensee      text   NOT NULL,
    document      jsonb  NOT NULL,
    updated_index bigint NOT NULL
);

CREATE TABLE product_state (
    gtin          text   PRIMARY KEY,
    registrant    text   NOT NULL,
    document      jsonb  NOT NULL,
    updated_index bigint NOT NULL
);

-- A batch, its label key and its revocations: readable only by its issuer (and operators).
CREATE TABLE batch_state (
    gtin          text   NOT NULL,
    batch         text   NOT NULL,
    issuer        text   NOT NULL,
    document      jsonb  NOT NULL,
    updated_index bigint NOT NULL,
    PRIMARY KEY (gtin, batch)
);
