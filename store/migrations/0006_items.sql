-- 0006_items: item prototypes and instances, a character's attributes and
-- money, and the key of a locked exit.
-- An instance is in exactly one place: place says what kind (a room's
-- floor, a character's inventory, an equipment slot, inside a container
-- instance) and holder names it (room id, character id, item id). Ids are
-- handed out by the world from the meta key items.next_id, written in the
-- same batch as the items it made, so an id is never used twice.

CREATE TABLE item_protos (
    id   TEXT PRIMARY KEY,
    data TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE items (
    id         INTEGER PRIMARY KEY,
    proto      TEXT    NOT NULL,
    place      TEXT    NOT NULL CHECK (place IN ('room', 'inv', 'worn', 'in')),
    holder     TEXT    NOT NULL,
    slot       TEXT    NOT NULL DEFAULT '',
    state      TEXT    NOT NULL DEFAULT '',
    origin     TEXT    NOT NULL DEFAULT '',
    dropped_at INTEGER,
    blessed    INTEGER NOT NULL DEFAULT 0 CHECK (blessed IN (0, 1))
);

CREATE INDEX items_by_holder ON items (place, holder);

ALTER TABLE characters ADD COLUMN attributes TEXT NOT NULL DEFAULT '';
ALTER TABLE characters ADD COLUMN money INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exits ADD COLUMN key TEXT NOT NULL DEFAULT '';
