package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// opsConfig configures backups, housekeeping and the MSSP figures an
// operator sets.
type opsConfig struct {
	BackupEvery     time.Duration // between scheduled backups; 0: none
	BackupKeep      int           // scheduled and admin backups kept
	BackupDir       string        // where they go; "": DATA/backups
	LucidityLogKeep time.Duration // lucidity log rows older are pruned; 0: kept forever
	ChatLogKeep     time.Duration // chat log lines older are pruned; 0: kept forever
	// MSSP holds the MSSP figures given by flags, by MSSP name; they
	// replace the server's defaults.
	MSSP map[string]string
}

// Defaults of the ops flags.
const (
	defaultBackupKeep      = 7
	defaultLucidityLogKeep = 30 * 24 * time.Hour
	defaultChatLogKeep     = 14 * 24 * time.Hour
	maxMSSPValue           = 500 // bytes
)

// msspFlag is a flag that sets one MSSP figure.
type msspFlag struct{ flag, field, usage string }

// msspFlags lists the MSSP figures an operator sets by flag.
func msspFlags() []msspFlag {
	return []msspFlag{
		{"mssp-name", "NAME", "the MUD's `NAME` (default MythosMUD)"},
		{"mssp-hostname", "HOSTNAME", "`HOST` name players connect to"},
		{"mssp-ip", "IP", "`IP` address players connect to"},
		{"mssp-contact", "CONTACT", "contact `EMAIL` of the operators"},
		{"mssp-website", "WEBSITE", "`URL` of the game's website"},
		{"mssp-discord", "DISCORD", "Discord invite `URL`"},
		{"mssp-icon", "ICON", "`URL` of a 32x32 icon"},
		{"mssp-created", "CREATED", "`YEAR` the game was created (default 2026)"},
		{"mssp-location", "LOCATION", "`COUNTRY` the server is in"},
		{"mssp-language", "LANGUAGE", "`LANGUAGE` of play (default English)"},
		{"mssp-minimum-age", "MINIMUM AGE", "minimum `AGE` of players"},
		{"mssp-status", "STATUS", "Alpha, Closed Beta, Open Beta or Live (`STATUS`, default Alpha)"},
		{"mssp-genre", "GENRE", "`GENRE` (default Horror)"},
		{"mssp-subgenre", "SUBGENRE", "`SUBGENRE` (default Lovecraftian)"},
		{"mssp-gameplay", "GAMEPLAY", "`GAMEPLAY` (default Roleplaying)"},
	}
}

// register adds the ops flags to fs.
func (o *opsConfig) register(fs *flag.FlagSet) {
	fs.DurationVar(&o.BackupEvery, "backup-every", 0, "take an online backup every `DURATION` (e.g. 6h); 0 takes none on a schedule")
	fs.IntVar(&o.BackupKeep, "backup-keep", defaultBackupKeep, "keep the newest `N` backups, deleting older ones")
	fs.StringVar(&o.BackupDir, "backup-dir", "", "`DIR` for backups (default: DATA/backups)")
	fs.DurationVar(&o.LucidityLogKeep, "lucidity-log-keep", defaultLucidityLogKeep,
		"prune lucidity log rows older than `DURATION` (checked hourly); 0 keeps them forever")
	fs.DurationVar(&o.ChatLogKeep, "chatlog-keep", defaultChatLogKeep,
		"prune chat log lines older than `DURATION` (checked hourly); 0 keeps them forever")
	o.MSSP = make(map[string]string)
	for _, m := range msspFlags() {
		fs.Func(m.flag, "MSSP "+m.field+": "+m.usage, func(v string) error {
			if err := checkMSSPValue(v); err != nil {
				return err
			}
			o.MSSP[m.field] = v
			return nil
		})
	}
}

// checkMSSPValue refuses what an MSSP reply cannot carry.
func checkMSSPValue(v string) error {
	switch {
	case len(v) > maxMSSPValue:
		return fmt.Errorf("%d bytes is too long; use at most %d", len(v), maxMSSPValue)
	case !utf8.ValidString(v):
		return fmt.Errorf("not valid UTF-8")
	case strings.ContainsFunc(v, func(r rune) bool { return r < ' ' || r == 0x7f }):
		return fmt.Errorf("control characters (tabs, newlines) are not allowed")
	}
	return nil
}

// validate checks values that parse but make no sense.
func (o *opsConfig) validate() error {
	switch {
	case o.BackupEvery < 0 || (o.BackupEvery > 0 && o.BackupEvery < time.Second):
		return bad("backup-every", fmt.Sprintf("%v is out of range; use 0 (none) or at least 1s, e.g. -backup-every 6h", o.BackupEvery))
	case o.BackupKeep < 1:
		return bad("backup-keep", "must be at least 1, e.g. -backup-keep 7")
	case o.LucidityLogKeep < 0 || (o.LucidityLogKeep > 0 && o.LucidityLogKeep < time.Hour):
		return bad("lucidity-log-keep", fmt.Sprintf("%v is out of range; use 0 (keep forever) or at least 1h, e.g. -lucidity-log-keep 720h", o.LucidityLogKeep))
	case o.ChatLogKeep < 0 || (o.ChatLogKeep > 0 && o.ChatLogKeep < time.Hour):
		return bad("chatlog-keep", fmt.Sprintf("%v is out of range; use 0 (keep forever) or at least 1h, e.g. -chatlog-keep 336h", o.ChatLogKeep))
	}
	return nil
}

// backupDir is where the server's backups go.
func (c config) backupDir() string {
	if c.Ops.BackupDir != "" {
		return c.Ops.BackupDir
	}
	return filepath.Join(c.DataDir, "backups")
}

// applyMSSP sets the figures given by flags over the defaults in f.
func (o opsConfig) applyMSSP(f map[string]string) {
	for field, v := range o.MSSP {
		f[field] = v
	}
}
