package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// clockTicks is USER_HZ, the unit of the CPU times in /proc/PID/stat: 100
// on every Linux architecture Go supports.
const clockTicks = 100

// errProcFormat reports a /proc file this tool cannot read.
var errProcFormat = errors.New("unexpected /proc format")

// procSample is a process's resident memory and CPU time at one moment.
type procSample struct {
	RSSKiB int64
	CPU    time.Duration // user + system
}

// sampleProc reads pid's resident set (VmRSS) and CPU time from /proc.
func sampleProc(pid int) (procSample, error) {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return procSample{}, fmt.Errorf("read status of pid %d: %w", pid, err)
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return procSample{}, fmt.Errorf("read stat of pid %d: %w", pid, err)
	}
	rss, err := parseVmRSS(string(status))
	if err != nil {
		return procSample{}, fmt.Errorf("read RSS of pid %d: %w", pid, err)
	}
	cpu, err := parseCPU(string(stat))
	if err != nil {
		return procSample{}, fmt.Errorf("read CPU of pid %d: %w", pid, err)
	}
	return procSample{RSSKiB: rss, CPU: cpu}, nil
}

// parseVmRSS finds "VmRSS:   1234 kB" in a /proc/PID/status text.
func parseVmRSS(status string) (int64, error) {
	for line := range strings.Lines(status) {
		rest, ok := strings.CutPrefix(line, "VmRSS:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) != 2 || f[1] != "kB" {
			return 0, fmt.Errorf("%w: VmRSS line %q", errProcFormat, strings.TrimSpace(line))
		}
		kib, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil || kib < 0 {
			return 0, fmt.Errorf("%w: VmRSS value %q", errProcFormat, f[0])
		}
		return kib, nil
	}
	return 0, fmt.Errorf("%w: no VmRSS line", errProcFormat)
}

// parseCPU reads utime + stime from a /proc/PID/stat text. The command
// name in parentheses may hold spaces and parentheses, so the fields are
// counted from the last ")".
func parseCPU(stat string) (time.Duration, error) {
	end := strings.LastIndexByte(stat, ')')
	if end < 0 {
		return 0, fmt.Errorf("%w: stat without command name", errProcFormat)
	}
	f := strings.Fields(stat[end+1:])
	const utime, stime = 11, 12 // fields 14 and 15, counted after the name
	if len(f) <= stime {
		return 0, fmt.Errorf("%w: stat has %d fields after the name", errProcFormat, len(f))
	}
	var ticks int64
	for _, s := range f[utime : stime+1] {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("%w: stat CPU field %q", errProcFormat, s)
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / clockTicks, nil
}

// selfCPU is the CPU time this process has used so far.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
