-- 0013_mutes_by_account: a mute also holds the account of the character it
-- names, so that it silences every character of that account: one cannot
-- get past a mute by playing another character. 0 where the name was no
-- character of this node when it was muted (or is none now).

ALTER TABLE mutes ADD COLUMN muted_account INTEGER NOT NULL DEFAULT 0;

UPDATE mutes SET muted_account = (SELECT c.account_id FROM characters c WHERE c.name_key = mutes.muted_key)
    WHERE EXISTS (SELECT 1 FROM characters c WHERE c.name_key = mutes.muted_key);
