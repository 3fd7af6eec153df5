package world

// direction is an exit direction with its abbreviation and the words for
// arriving from it.
type direction struct {
	name, abbrev, opposite string
}

// directions returns the ten directions, in the order exits are shown.
func directions() []direction {
	return []direction{
		{"north", "n", "south"}, {"south", "s", "north"},
		{"east", "e", "west"}, {"west", "w", "east"},
		{"northeast", "ne", "southwest"}, {"northwest", "nw", "southeast"},
		{"southeast", "se", "northwest"}, {"southwest", "sw", "northeast"},
		{"up", "u", "down"}, {"down", "d", "up"},
	}
}

// parseDirection turns a word or abbreviation into a direction name.
func parseDirection(word string) (string, bool) {
	for _, d := range directions() {
		if word == d.name || word == d.abbrev {
			return d.name, true
		}
	}
	return "", false
}

// arrivalFrom says where someone who went dir comes from, as seen on
// arrival: "from the south", "from below".
func arrivalFrom(dir string) string {
	switch dir {
	case "up":
		return "from below"
	case "down":
		return "from above"
	}
	for _, d := range directions() {
		if d.name == dir {
			return "from the " + d.opposite
		}
	}
	return "from somewhere"
}

// departureTo says where someone went: "north", "upward".
func departureTo(dir string) string {
	switch dir {
	case "up":
		return "upward"
	case "down":
		return "downward"
	}
	return dir
}
