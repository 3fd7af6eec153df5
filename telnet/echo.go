package telnet

// echoOption is ECHO (RFC 857). We offer WILL ECHO only while a password is
// typed (Conn.SetEcho(false)), so that the client stops echoing, and WONT
// ECHO afterwards. A client that asks us to echo on its own is refused: the
// server never echoes what is typed.
type echoOption struct{ quietOption }

// Code returns OptEcho.
func (echoOption) Code() byte { return OptEcho }

// AllowLocal refuses an unrequested DO ECHO.
func (echoOption) AllowLocal() bool { return false }

// AllowRemote refuses WILL ECHO: the client never echoes to the server.
func (echoOption) AllowRemote() bool { return false }
