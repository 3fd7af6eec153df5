package main

import (
	"flag"
	"fmt"
	"io"

	"mythosd/world/worldfile"
)

// runCheckWorld is `mythosd check-world [-world DIR]`: it loads a world,
// prints every problem and exit rewrite, and returns 1 when the world has
// errors, 2 for bad flags, 0 otherwise.
func runCheckWorld(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("mythosd check-world", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("world", "", "world `DIR` to check (default: the shipped world)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fsys, source := worldFS(*dir)
	w, report, err := worldfile.Load(fsys)
	if err != nil {
		fmt.Fprintf(stderr, "mythosd: read world %s: %v\n", source, err)
		return 1
	}
	for _, p := range report.Problems {
		fmt.Fprintf(stdout, "%s: %s\n", p.Severity, p)
	}
	for _, r := range report.Resolved {
		fmt.Fprintf(stdout, "resolved: %s\n", r)
	}
	fmt.Fprintf(stdout, "%s: %d rooms, %d zones and sub-zones, %d item prototypes, %d errors, %d warnings, %d exits resolved; start room %s\n",
		source, len(w.Rooms), len(w.Zones), len(w.Items), report.Count(worldfile.Error), report.Count(worldfile.Warning),
		len(report.Resolved), worldfile.StartRoom(w))
	if report.Err() != nil {
		return 1
	}
	return 0
}
