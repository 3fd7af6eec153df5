-- 0007_npcs: NPC definitions and spawns, imported from the world files.
-- NPC instances are not stored: they respawn when the server starts.

CREATE TABLE npc_defs (
    id   TEXT PRIMARY KEY,
    data TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE npc_spawns (
    id   TEXT PRIMARY KEY,
    data TEXT NOT NULL
) WITHOUT ROWID;
