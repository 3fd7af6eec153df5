-- 0012_exits_by_target: the rooms that lead into a room, for rdelete
-- (RoomsLeadingTo), found by index rather than by reading every exit.

CREATE INDEX exits_by_target ON exits (target);
