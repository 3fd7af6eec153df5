-- 0009_combat: what combat leaves on a character. Wounds are the DP below
-- the maximum (0: unhurt; a new or older character starts whole), XP comes
-- from defeated NPCs, prompt is the player's prompt format ('' for the
-- default).

ALTER TABLE characters ADD COLUMN wounds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE characters ADD COLUMN xp INTEGER NOT NULL DEFAULT 0;
ALTER TABLE characters ADD COLUMN prompt TEXT NOT NULL DEFAULT '';
