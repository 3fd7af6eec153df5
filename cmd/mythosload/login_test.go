package main

import (
	"errors"
	"strings"
	"testing"
)

// TestDialogue plays mythosd's login prompts. A step is "L:text" (a line
// from the server) or "P:text=reply" (a prompt and the expected reply).
func TestDialogue(t *testing.T) {
	tests := []struct {
		name    string
		steps   []string
		done    bool
		created bool
		err     error
		said    string // in the error
	}{
		{
			name: "new character",
			steps: []string{"L:Welcome.", "P:By what name are you known? =Botaaaa",
				"P:No one here is called Botaaaa. Are you new to Arkham, Botaaaa? (y/n) =y",
				"P:Choose a password (at least 6 characters): =secret", "P:Repeat the password: =secret",
				"L:Welcome to Arkham, Botaaaa.", "P:> ="},
			done: true, created: true,
		},
		{
			name:  "existing character",
			steps: []string{"P:By what name are you known? =Botaaaa", "P:Password: =secret", "P:> ="},
			done:  true,
		},
		{
			name: "name refused",
			steps: []string{"P:By what name are you known? =Botaaaa",
				"L:That name will not do: \"botaaaa\" is a command word.", "P:By what name are you known? ="},
			err: errNameRefused, said: "command word",
		},
		{
			name:  "wrong password",
			steps: []string{"P:By what name are you known? =Botaaaa", "P:Password: =secret", "L:Wrong password.", "P:Password: ="},
			err:   errWrongPassword, said: "Wrong password.",
		},
		{
			name: "password refused",
			steps: []string{"P:By what name are you known? =Botaaaa", "P:Botaaaa? (y/n) =y",
				"P:Choose a password (at least 6 characters): =secret", "L:A password has 6 to 256 characters.",
				"P:Choose a password (at least 6 characters): ="},
			created: true, err: errPasswordRefused, said: "6 to 256",
		},
		{
			name:  "yes not understood",
			steps: []string{"P:By what name are you known? =Botaaaa", "P:Please answer y or n. Are you new, Botaaaa? (y/n) ="},
			err:   errUnexpected, said: "Please answer",
		},
		{
			name:  "unknown prompt",
			steps: []string{"P:Enter the void: ="},
			err:   errUnexpected, said: "Enter the void:",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &dialogue{name: "Botaaaa", password: "secret"}
			var done bool
			var err error
			for _, step := range tt.steps {
				done, err = playDialogue(t, d, step)
				if err != nil {
					break
				}
			}
			if done != tt.done || d.created != tt.created || !errors.Is(err, tt.err) {
				t.Fatalf("done %v created %v err %v; want %v %v %v", done, d.created, err, tt.done, tt.created, tt.err)
			}
			if err != nil && (!strings.Contains(err.Error(), tt.said) || strings.Contains(err.Error(), "Botaaaa:")) {
				t.Errorf("error %q, want what the server said (%q) and no name", err, tt.said)
			}
		})
	}
}

// playDialogue applies one step and checks the reply.
func playDialogue(t testing.TB, d *dialogue, step string) (bool, error) {
	t.Helper()
	if text, ok := strings.CutPrefix(step, "L:"); ok {
		d.line([]byte(text))
		return false, nil
	}
	text, wantReply, ok := strings.Cut(strings.TrimPrefix(step, "P:"), "=")
	if !ok {
		t.Fatalf("bad step %q", step)
	}
	reply, done, err := d.prompt([]byte(text))
	if err == nil && reply != wantReply {
		t.Fatalf("prompt %q: reply %q, want %q", text, reply, wantReply)
	}
	return done, err
}

// TestDialogueKeepsLastLineShort: a huge line costs a bounded string.
func TestDialogueKeepsLastLineShort(t *testing.T) {
	d := &dialogue{}
	d.line([]byte(strings.Repeat("y", 10*maxLastLine)))
	d.line([]byte("   "))
	if len(d.last) != maxLastLine {
		t.Errorf("kept %d bytes, want %d", len(d.last), maxLastLine)
	}
}
