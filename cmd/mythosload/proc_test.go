package main

import (
	"errors"
	"os"
	"testing"
	"time"
)

func TestParseVmRSS(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want int64
		err  bool
	}{
		{"status", "Name:\tmythosd\nVmPeak:\t  900 kB\nVmRSS:\t    1956 kB\nRssAnon:\t 100 kB\n", 1956, false},
		{"last line without newline", "Name:\tx\nVmRSS:\t7 kB", 7, false},
		{"no VmRSS (kernel thread)", "Name:\tkthreadd\nState:\tS\n", 0, true},
		{"other unit", "VmRSS:\t7 MB\n", 0, true},
		{"not a number", "VmRSS:\tlots kB\n", 0, true},
		{"negative", "VmRSS:\t-7 kB\n", 0, true},
		{"empty", "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseVmRSS(tt.in)
			if got != tt.want || (err != nil) != tt.err {
				t.Errorf("parseVmRSS = %d, %v; want %d, error %v", got, err, tt.want, tt.err)
			}
			if err != nil && !errors.Is(err, errProcFormat) {
				t.Errorf("error %v is not errProcFormat", err)
			}
		})
	}
}

func TestParseCPU(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want time.Duration
		err  bool
	}{
		{"plain", "28553 (cat) R 1 1 1 0 -1 4194304 125 0 0 0 250 150 0 0 20 0 1 0", 4 * time.Second, false},
		{"name with spaces and parentheses", "7 (my (odd) name) S 1 1 1 0 -1 0 0 0 0 0 3 2 0 0", 50 * time.Millisecond, false},
		{"no name", "7 S 1 1", 0, true},
		{"too short", "7 (x) S 1 1 1", 0, true},
		{"not a number", "7 (x) S 1 1 1 0 -1 0 0 0 0 0 x 2", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseCPU(tt.in)
			if got != tt.want || (err != nil) != tt.err {
				t.Errorf("parseCPU = %v, %v; want %v, error %v", got, err, tt.want, tt.err)
			}
		})
	}
}

func TestSampleProcSelf(t *testing.T) {
	s, err := sampleProc(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	if s.RSSKiB <= 0 || s.CPU < 0 {
		t.Errorf("sample %+v, want a positive RSS", s)
	}
	if _, err := sampleProc(1 << 30); err == nil {
		t.Error("sampled a missing process")
	}
}
