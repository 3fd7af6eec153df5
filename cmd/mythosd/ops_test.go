package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mythosd/store"
)

func TestParseOpsConfig(t *testing.T) {
	cfg, err := parseConfig(nil, noEnv, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	if o := cfg.Ops; o.BackupEvery != 0 || o.BackupKeep != 7 || o.LucidityLogKeep != 30*24*time.Hour || o.ChatLogKeep != 14*24*time.Hour ||
		len(o.MSSP) != 0 {
		t.Errorf("defaults: %+v", o)
	}
	if got := cfg.backupDir(); got != filepath.Join("./var", "backups") {
		t.Errorf("backup dir %q", got)
	}
	env := map[string]string{"MYTHOS_MSSP_DISCORD": "https://discord.gg/arkham", "MYTHOS_BACKUP_KEEP": "3"}
	cfg, err = parseConfig([]string{"-backup-every", "6h", "-backup-dir", "/srv/b", "-mssp-contact", "keeper@example.org",
		"-mssp-minimum-age", "16"}, func(k string) string { return env[k] }, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	o := cfg.Ops
	if o.BackupEvery != 6*time.Hour || o.BackupKeep != 3 || cfg.backupDir() != "/srv/b" ||
		o.MSSP["CONTACT"] != "keeper@example.org" || o.MSSP["DISCORD"] != "https://discord.gg/arkham" || o.MSSP["MINIMUM AGE"] != "16" {
		t.Errorf("parsed %+v", o)
	}
}

func TestParseOpsConfigErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-backup-every", "-1h"}, "-backup-every"},
		{[]string{"-backup-every", "10ms"}, "-backup-every"},
		{[]string{"-backup-keep", "0"}, "-backup-keep"},
		{[]string{"-lucidity-log-keep", "5m"}, "-lucidity-log-keep"},
		{[]string{"-lucidity-log-keep", "-1h"}, "-lucidity-log-keep"},
		{[]string{"-chatlog-keep", "59m"}, "-chatlog-keep"},
		{[]string{"-chatlog-keep", "-1h"}, "-chatlog-keep"},
		{[]string{"-mssp-contact", "a\tb"}, "-mssp-contact"},
		{[]string{"-mssp-website", "http://x\r\nPLAYERS\t999"}, "-mssp-website"},
		{[]string{"-mssp-name", "\xff\xfe"}, "-mssp-name"},
		{[]string{"-mssp-location", strings.Repeat("x", maxMSSPValue+1)}, "-mssp-location"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			_, err := parseConfig(tc.args, noEnv, &bytes.Buffer{})
			if !errors.Is(err, errUsage) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want a usage error naming %s", err, tc.want)
			}
		})
	}
}

// TestTinTinMSSPFlags: figures set by flag reach an MSSP reply and replace
// the defaults.
func TestTinTinMSSPFlags(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.Ops.MSSP = map[string]string{"CONTACT": "keeper@example.org", "WEBSITE": "https://arkham.example.org",
		"CREATED": "1926", "LOCATION": "United States", "LANGUAGE": "Latin", "DISCORD": "https://discord.gg/arkham"}
	srv, _ := startLogged(t, cfg)
	tt := newTinTin(t)
	seen := tt.run(t, srv.addr("telnet"), `#action {By what name are you known?} {#send MSSP-REQUEST}
#action {MSSP-REPLY-END} {#line log {SCRIPTLOG} {END SEEN};#zap}
`)
	reply := seen[inOrder(t, seen, "MSSP-REPLY-START"):]
	for _, want := range []string{"CONTACT\tkeeper@example.org", "WEBSITE\thttps://arkham.example.org", "CREATED\t1926",
		"LOCATION\tUnited States", "LANGUAGE\tLatin", "DISCORD\thttps://discord.gg/arkham", "NAME\tMythosMUD"} {
		if !strings.Contains(reply, want) {
			t.Errorf("the reply lacks %q:\n%s", want, reply)
		}
	}
	if strings.Contains(reply, "LANGUAGE\tEnglish") || strings.Contains(reply, "CREATED\t2026") {
		t.Errorf("a default stayed beside the flag's figure:\n%s", reply)
	}
}

// TestScheduledBackups: a server with -backup-every takes backups on its
// own and keeps -backup-keep of them.
func TestScheduledBackups(t *testing.T) {
	cfg := testConfig(t.TempDir())
	cfg.Ops.BackupEvery, cfg.Ops.BackupKeep, cfg.Ops.BackupDir = time.Second, 2, filepath.Join(t.TempDir(), "b")
	srv := startServer(t, cfg)
	waitCond(t, "three scheduled backups", func() bool { return srv.backups.Status().Taken >= 3 })
	if st := srv.backups.Status(); st.Failed != 0 || st.Last.By != "schedule" || !st.Last.OK {
		t.Errorf("status %+v", st)
	}
	srv.backups.Close() // settles the directory: no backup runs on after this
	kept, err := srv.backups.List()
	if err != nil || len(kept) != 2 {
		t.Errorf("kept %v (%v), want 2", kept, err)
	}
	for _, k := range kept {
		if filepath.Dir(k) != cfg.Ops.BackupDir {
			t.Errorf("backup %s outside -backup-dir", k)
		}
	}
}

// TestLucidityLogPrunedAtStart: a server with -lucidity-log-keep deletes
// older lucidity log rows and keeps newer ones.
func TestLucidityLogPrunedAtStart(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, dbFile), nil)
	if err != nil {
		t.Fatal(err)
	}
	_, c, err := db.CreateCharacter(context.Background(), "Armitage", "hash", "start", 100, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	db.Submit(store.Batch{Changes: []store.LucidityChange{
		{CharacterID: c.ID, Delta: -5, Reason: "old", At: now.Add(-48 * time.Hour)},
		{CharacterID: c.ID, Delta: -1, Reason: "recent", At: now.Add(-time.Hour)},
	}})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(dir)
	cfg.Ops.LucidityLogKeep = 24 * time.Hour
	srv := startServer(t, cfg)
	var log []store.LucidityChange
	waitCond(t, "the old row pruned", func() bool {
		log, err = srv.db.LucidityLog(context.Background(), c.ID, 10)
		return err == nil && len(log) == 1
	})
	if log[0].Reason != "recent" {
		t.Errorf("kept %+v, want the recent change", log)
	}
}

// TestChatLogPrunedAtStart: a server with -chatlog-keep deletes older chat
// log lines and keeps newer ones.
func TestChatLogPrunedAtStart(t *testing.T) {
	dir := t.TempDir()
	db, err := store.Open(filepath.Join(dir, dbFile), nil)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	db.Submit(store.Batch{Chat: []store.ChatLine{
		{At: now.Add(-48 * time.Hour), Who: "Armitage", Channel: "say", Text: "old"},
		{At: now.Add(-time.Hour), Who: "Armitage", Channel: "say", Text: "recent"},
	}})
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(dir)
	cfg.Ops.ChatLogKeep = 24 * time.Hour
	srv := startServer(t, cfg)
	var lines []store.ChatLine
	waitCond(t, "the old line pruned", func() bool {
		lines, err = srv.db.ChatLog(context.Background(), "armitage", now.Add(-72*time.Hour))
		return err == nil && len(lines) == 1
	})
	if lines[0].Text != "recent" {
		t.Errorf("kept %+v, want the recent line", lines)
	}
}
