package world

import (
	"context"
	"errors"
	"strings"
	"time"

	"mythosd/world/netcore"

	"mythosd/store"
	"mythosd/world/lucidity"
)

// Password length bounds, and the login dialogue's limits.
const (
	minPasswordLen = 6
	maxPasswordLen = 256
	storeTimeout   = 10 * time.Second
	// maxWrongAnswers ends a login after this many answers that will not do
	// (a bad name, a non-y/n answer, a bad password choice, an empty line,
	// a password refused while backed off), so garbage costs its sender the
	// connection after a few lines.
	maxWrongAnswers = 5
)

// loginStep is where the login dialogue stands.
type loginStep int

const (
	askName loginStep = iota
	confirmNew
	choosePassword
	repeatPassword
	askPassword
)

// accountInfo is what login learns of an account and the loop needs, and
// the character of the account to enter.
type accountInfo struct {
	ID      int64
	Name    string
	Admin   bool
	Builder bool
	Frozen  bool
	Char    string // the character's name
}

// login is the dialogue that turns a connection into a playing character.
// It runs on the connection's read loop, so password hashing and store
// reads never touch the world loop.
type login struct {
	s       *Session
	step    loginStep
	name    string
	account store.Account
	char    string // the character named at the prompt, when not the account's name
	menu    charMenu
	chosen  string         // the new password, until it is repeated
	wrong   int            // wrong passwords so far
	roll    *attributeRoll // the attributes offered to a new character
	bad     int            // wrong answers so far (see maxWrongAnswers)
	ended   bool           // the connection was closed: further lines are ignored
}

func newLogin(s *Session) *login { return &login{s: s} }

// greet shows the message of the day and asks for a name.
func (l *login) greet() {
	if motd := l.s.w.help.motd; motd != "" {
		l.s.conn.Send(motd)
	}
	l.askName()
}

func (l *login) askName() {
	l.step = askName
	l.s.conn.Prompt("By what name are you known? ")
}

func (l *login) askPassword(prompt string, step loginStep) {
	l.step = step
	l.s.conn.SetEcho(false)
	l.s.conn.Prompt(prompt)
}

func (l *login) say(text string) { l.s.conn.Send(text + "\n") }

// line takes one line of the dialogue and reports whether the character has
// entered the world.
func (l *login) line(text string) bool {
	if l.ended {
		return false
	}
	switch l.step {
	case askName:
		l.onName(strings.TrimSpace(text))
	case confirmNew:
		l.onConfirm(strings.ToLower(strings.TrimSpace(text)))
	case choosePassword:
		l.onChoose(text)
	case repeatPassword:
		return l.onRepeat(text)
	case askPassword:
		return l.onPassword(text)
	case chooseAttributes:
		return l.onAttributes(text)
	default:
		return l.menuLine(text)
	}
	return false
}

// wrongAnswer counts an answer that will not do and reports whether the
// dialogue goes on; after maxWrongAnswers it ends the connection with one
// line.
func (l *login) wrongAnswer() bool {
	l.bad++
	if l.bad < maxWrongAnswers {
		return true
	}
	l.s.conn.SetEcho(true)
	l.say("Too many answers that will not do; the sanitarium doors close on you.")
	l.close()
	return false
}

// close ends the connection as a failed login; later lines are ignored.
func (l *login) close() {
	l.ended = true
	l.chosen = ""
	l.s.conn.Close(netcore.CauseLoginFailed)
}

func (l *login) onName(name string) {
	if name == "" {
		l.badName("")
		return
	}
	if err := l.s.w.checkName(name); err != nil {
		l.badName("That name will not do: " + err.Error() + ".")
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	acc, err := l.s.w.cfg.Store.AccountByName(ctx, name)
	switch {
	case errors.Is(err, store.ErrNotFound):
		l.name = properName(name)
		l.step = confirmNew
		l.s.conn.Prompt("No one here is called " + l.name + ". Are you new to Arkham, " + l.name + "? (y/n) ")
	case err != nil:
		l.storeTrouble("look up name", err)
	default:
		l.account, l.char = acc, ""
		if nameKey(name) != nameKey(acc.Name) {
			l.char = name // a character's name: straight into it
		}
		l.askPassword("Password: ", askPassword)
	}
}

// badName counts a name that will not do, says why (when why is not ""),
// and asks again.
func (l *login) badName(why string) {
	if !l.wrongAnswer() {
		return
	}
	if why != "" {
		l.say(why)
	}
	l.askName()
}

func (l *login) onConfirm(answer string) {
	switch answer {
	case "y", "yes":
		l.askPassword("Choose a password (at least 6 characters): ", choosePassword)
	case "n", "no":
		l.askName()
	default:
		if l.wrongAnswer() {
			l.s.conn.Prompt("Please answer y or n. Are you new, " + l.name + "? (y/n) ")
		}
	}
}

func (l *login) onChoose(pw string) {
	l.s.conn.Send("\n")
	if len(pw) < minPasswordLen || len(pw) > maxPasswordLen {
		if l.wrongAnswer() {
			l.say("A password has 6 to 256 characters.")
			l.askPassword("Choose a password (at least 6 characters): ", choosePassword)
		}
		return
	}
	l.chosen = pw
	l.askPassword("Repeat the password: ", repeatPassword)
}

func (l *login) onRepeat(pw string) bool {
	l.s.conn.Send("\n")
	if pw != l.chosen {
		l.chosen = ""
		if !l.wrongAnswer() {
			return false
		}
		l.say("The passwords differ.")
		l.askPassword("Choose a password (at least 6 characters): ", choosePassword)
		return false
	}
	l.chosen = ""
	l.s.conn.SetEcho(true)
	acc, ch, err := l.create(pw)
	if errors.Is(err, store.ErrExists) {
		l.say("Someone took that name a moment ago. Choose another.")
		l.askName()
		return false
	}
	if errors.Is(err, ErrHasherBusy) {
		l.say("Too many logins from your address are waiting; choose your password again in a moment.")
		l.askPassword("Choose a password (at least 6 characters): ", choosePassword)
		return false
	}
	if err != nil {
		l.storeTrouble("create character", err)
		return false
	}
	l.s.log.Info("character created", "name", acc.Name)
	l.s.w.audit.Info("account created", "account", acc.Name, "character", ch.Name, "remote", l.s.conn.Info().RemoteAddr)
	return l.offerAttributes(acc, ch)
}

func (l *login) create(pw string) (store.Account, store.Character, error) {
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	w := l.s.w
	hash, err := w.cfg.Hasher.HashFrom(ctx, l.s.addr, pw)
	if err != nil {
		return store.Account{}, store.Character{}, err
	}
	return w.cfg.Store.CreateCharacter(ctx, l.name, hash, w.cfg.StartRoom, lucidity.Start, w.cfg.Clock.Now())
}

func (l *login) onPassword(pw string) bool {
	l.s.conn.Send("\n")
	ok, refused := l.checkPassword(pw)
	switch {
	case ok:
		l.s.w.guard.succeeded(l.s.addr, l.account.Name)
		l.s.conn.SetEcho(true)
		return l.afterPassword()
	case refused != "":
		if l.wrongAnswer() {
			l.say(refused)
			l.askPassword("Password: ", askPassword)
		}
		return false
	}
	if l.wrongPassword() {
		l.say("Wrong password.")
		l.askPassword("Password: ", askPassword)
	}
	return false
}

// wrongPassword counts a wrong password of the account, at the login's
// prompt or the character menu's, and reports whether the dialogue goes
// on; after MaxPasswordTries it ends the connection with one line.
func (l *login) wrongPassword() bool {
	l.wrong++
	l.s.w.guard.failed(l.s.addr, l.account.Name)
	if l.wrong < l.s.w.cfg.MaxPasswordTries {
		return true
	}
	l.s.conn.SetEcho(true)
	l.say("Wrong password. Too many tries; the sanitarium doors close on you.")
	l.close()
	return false
}

// checkPassword checks pw against the account, unless the address or the
// account is backed off after failures or the address has too many checks
// waiting: then refused says why, and nothing is hashed.
func (l *login) checkPassword(pw string) (ok bool, refused string) {
	w, s := l.s.w, l.s
	if wait := w.guard.wait(s.addr, l.account.Name); wait > 0 {
		return false, "Too many wrong passwords of late; wait " + waitText(wait) + " and try again."
	}
	ctx, cancel := context.WithTimeout(context.Background(), storeTimeout)
	defer cancel()
	ok, err := w.cfg.Hasher.CheckFrom(ctx, s.addr, l.account.PasswordHash, pw)
	switch {
	case errors.Is(err, ErrHasherBusy):
		return false, "Too many logins from your address at once; try again in a moment."
	case err != nil:
		s.log.Error("check password", "name", l.account.Name, "err", err)
	}
	return ok, ""
}

// storeTrouble tells the player the records cannot be read now and starts over.
func (l *login) storeTrouble(doing string, err error) {
	l.s.log.Error(doing, "err", err)
	l.s.conn.SetEcho(true)
	l.say("The records office cannot be reached just now; please try again in a moment.")
	l.askName()
}

// enter hands the account and its character called char to the world
// loop and waits until the character stands in the world.
func (l *login) enter(acc store.Account, char string) bool {
	info := accountOf(acc)
	info.Char = char
	s := l.s
	if !s.w.post(func() { s.w.enter(s, info) }) {
		return false
	}
	select {
	case <-s.ack:
		s.conn.LoggedIn()
		return true
	case <-s.w.done:
		return false
	}
}

// abandon ends a dialogue whose connection went away.
func (l *login) abandon() {
	l.chosen = ""
	l.menu = charMenu{}
	l.s.log.Debug("connection closed during login", "step", l.step)
}
