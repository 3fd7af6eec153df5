package worldfile

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestProblemString(t *testing.T) {
	cases := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "earth/arkham/x/room_a.json", Field: "exits.north", Severity: Warning, Message: `target "b" does not exist`},
			`earth/arkham/x/room_a.json: exits.north: target "b" does not exist`},
		{Problem{File: "earth/arkham/x/room_a.json", Severity: Error, Message: "file must hold one JSON object"},
			"earth/arkham/x/room_a.json: file must hold one JSON object"},
	}
	for _, tc := range cases {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
	r := Resolution{File: "f.json", Room: "a", Direction: "up", From: "x_b", To: "x_room_b"}
	if got, want := r.String(), `f.json: exits.up: "x_b" -> "x_room_b"`; got != want {
		t.Errorf("Resolution.String() = %q, want %q", got, want)
	}
	for s, want := range map[Severity]string{Warning: "warning", Error: "error", 0: "severity(0)"} {
		if got := s.String(); got != want {
			t.Errorf("Severity(%d).String() = %q, want %q", int(s), got, want)
		}
	}
}

func TestReportErr(t *testing.T) {
	warn := Problem{File: "w.json", Severity: Warning, Message: "odd"}
	errs := func(n int) []Problem {
		var ps []Problem
		for i := range n {
			ps = append(ps, Problem{File: fmt.Sprintf("e%d.json", i), Field: "id", Severity: Error, Message: "bad"})
		}
		return ps
	}
	cases := []struct {
		name     string
		problems []Problem
		want     []string // substrings of the error; nil for no error
	}{
		{name: "none"},
		{name: "warnings only", problems: []Problem{warn, warn}},
		{name: "one error", problems: append([]Problem{warn}, errs(1)...), want: []string{"invalid world: 1 error(s): e0.json: id: bad"}},
		{name: "many errors", problems: errs(7), want: []string{"7 error(s)", "e4.json", "; and 2 more"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rep := &Report{Problems: tc.problems}
			err := rep.Err()
			if (err != nil) != (tc.want != nil) {
				t.Fatalf("Err() = %v, want an error: %v", err, tc.want != nil)
			}
			if err == nil {
				return
			}
			if !errors.Is(err, ErrInvalidWorld) {
				t.Errorf("Err() = %v, does not wrap ErrInvalidWorld", err)
			}
			for _, s := range tc.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("Err() = %q, want it to contain %q", err, s)
				}
			}
			if strings.Contains(err.Error(), "e5.json") {
				t.Errorf("Err() = %q names more than %d problems", err, maxErrorsShown)
			}
			if n := rep.Count(Error); n+rep.Count(Warning) != len(tc.problems) {
				t.Errorf("Count: %d errors and %d warnings of %d problems", n, rep.Count(Warning), len(tc.problems))
			}
		})
	}
}
