package world

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/crypto/argon2"
)

// HashParams are the argon2id parameters of new password hashes. Hashes
// carry their own parameters, so changing these never locks anyone out.
type HashParams struct {
	Time    uint32 // passes
	Memory  uint32 // KiB
	Threads uint8
}

// DefaultHashParams follows the OWASP minimum for argon2id (19 MiB, 2 passes).
func DefaultHashParams() HashParams { return HashParams{Time: 2, Memory: 19 * 1024, Threads: 1} }

const (
	saltLen = 16
	keyLen  = 32
)

// errBadHash reports a stored hash this server cannot read.
var errBadHash = errors.New("unreadable password hash")

// Hasher hashes and checks passwords with argon2id. At most a few hashes run
// at once, so a flood of logins cannot exhaust memory; the waiting ones are
// served round-robin by address, so one address cannot starve the others.
//
// Each argon2id hash takes Memory KiB (19 MiB by default), which the Go
// runtime would keep long after a storm of logins; once the hasher falls
// idle it hands that memory back to the system (see settle).
type Hasher struct {
	params HashParams
	queue  *fairQueue
	// onIdle runs once the hasher has been idle for settleAfter after a
	// burst of work; debug.FreeOSMemory unless a test sets another.
	onIdle      func()
	settleAfter time.Duration // defaultSettleAfter; tests shorten it
	settling    atomic.Bool   // an onIdle is scheduled
}

// defaultSettleAfter is how long the hasher waits, idle, before it frees
// the memory its hashes used: long enough that a burst of logins frees once.
const defaultSettleAfter = 2 * time.Second

// NewHasher returns a Hasher that runs at most parallel hashes at once.
func NewHasher(p HashParams, parallel int) *Hasher {
	return &Hasher{params: p, queue: newFairQueue(parallel), onIdle: debug.FreeOSMemory, settleAfter: defaultSettleAfter}
}

// Hash returns the PHC-formatted argon2id hash of password.
func (h *Hasher) Hash(password string) (string, error) {
	return h.HashFrom(context.Background(), "", password)
}

// Check reports whether password matches the stored hash.
func (h *Hasher) Check(hash, password string) (bool, error) {
	return h.CheckFrom(context.Background(), "", hash, password)
}

// HashFrom is Hash for a request from addr (an address key), waiting its
// turn among the addresses; ErrHasherBusy when addr has too many waiting.
func (h *Hasher) HashFrom(ctx context.Context, addr, password string) (string, error) {
	salt := make([]byte, saltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("make salt: %w", err)
	}
	key, err := h.derive(ctx, addr, password, salt, h.params, keyLen)
	if err != nil {
		return "", err
	}
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version,
		h.params.Memory, h.params.Time, h.params.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckFrom is Check for a request from addr (an address key), waiting its
// turn among the addresses; ErrHasherBusy when addr has too many waiting.
func (h *Hasher) CheckFrom(ctx context.Context, addr, hash, password string) (bool, error) {
	p, salt, key, err := parseHash(hash)
	if err != nil {
		return false, err
	}
	got, err := h.derive(ctx, addr, password, salt, p, uint32(len(key)))
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

func (h *Hasher) derive(ctx context.Context, addr, password string, salt []byte, p HashParams, n uint32) ([]byte, error) {
	if err := h.queue.acquire(ctx, addr); err != nil {
		return nil, err
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, n)
	if h.queue.release() {
		h.settle()
	}
	return key, nil
}

// settle schedules onIdle for h.settleAfter from now, when the hasher is
// idle then.
func (h *Hasher) settle() {
	if h.onIdle == nil || h.settling.Swap(true) {
		return
	}
	time.AfterFunc(h.settleAfter, func() {
		h.settling.Store(false)
		if h.queue.idle() { // else the release that makes it idle settles again
			h.onIdle()
		}
	})
}

func parseHash(hash string) (HashParams, []byte, []byte, error) {
	var p HashParams
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return p, nil, nil, errBadHash
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, errBadHash
	}
	if p.Time == 0 || p.Threads == 0 || p.Memory == 0 || p.Memory > 1<<20 {
		return p, nil, nil, errBadHash
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	key, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(key) == 0 {
		return p, nil, nil, errBadHash
	}
	return p, salt, key, nil
}
