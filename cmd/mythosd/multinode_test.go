package main

import (
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"mythosd/world/netcore/nettest"

	natsserver "github.com/nats-io/nats-server/v2/server"
)

// natsNode is one real NATS server of a test cluster, run in the test
// process.
type natsNode struct {
	srv         *natsserver.Server
	name        string
	clientPort  int
	clusterPort int
}

// startNATS starts a clustered NATS server; ports 0 pick free ones, and
// routes name the cluster ports of the others.
func startNATS(t testing.TB, name string, clientPort, clusterPort int, routes ...int) *natsNode {
	t.Helper()
	opts := &natsserver.Options{ServerName: name, Host: "127.0.0.1", Port: orRandom(clientPort), NoLog: true, NoSigs: true,
		// NoAdvertise: clients keep to the servers they were given, so a
		// node can be cut off from NATS by stopping its own server.
		Cluster: natsserver.ClusterOpts{Name: "mythos", Host: "127.0.0.1", Port: orRandom(clusterPort), NoAdvertise: true}}
	for _, r := range routes {
		opts.Routes = append(opts.Routes, natsserver.RoutesFromStr(fmt.Sprintf("nats://127.0.0.1:%d", r))...)
	}
	srv, err := natsserver.NewServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		t.Fatalf("nats %s not ready", name)
	}
	t.Cleanup(srv.Shutdown)
	return &natsNode{srv: srv, name: name, clientPort: srv.Addr().(*net.TCPAddr).Port, clusterPort: srv.ClusterAddr().Port}
}

func orRandom(port int) int {
	if port == 0 {
		return natsserver.RANDOM_PORT
	}
	return port
}

func (n *natsNode) url() string { return fmt.Sprintf("nats://127.0.0.1:%d", n.clientPort) }

// stop shuts the server down and waits for it.
func (n *natsNode) stop() {
	n.srv.Shutdown()
	n.srv.WaitForShutdown()
}

// serving returns the NATS server that node srv is connected to.
func serving(t testing.TB, srv *server, nodes ...*natsNode) *natsNode {
	t.Helper()
	url := srv.bus.Stats().Server
	for _, n := range nodes {
		if strings.HasSuffix(url, fmt.Sprintf(":%d", n.clientPort)) {
			return n
		}
	}
	t.Fatalf("node %s is connected to %q, none of the cluster", srv.cfg.Node, url)
	return nil
}

// routed reports whether every server sees all the others.
func routed(nodes ...*natsNode) bool {
	for _, n := range nodes {
		if n.srv.NumRoutes() < len(nodes)-1 {
			return false
		}
	}
	return true
}

// TestTwoNodesOnANATSCluster runs two mythosd nodes, each with its own
// world and database, on a real three-server NATS cluster: global chat and
// whispers cross nodes, who lists both, losing one NATS server keeps chat
// flowing, and a node cut off from NATS keeps its room chat and catches up
// when NATS comes back.
func TestTwoNodesOnANATSCluster(t *testing.T) {
	n1 := startNATS(t, "n1", 0, 0)
	n2 := startNATS(t, "n2", 0, 0, n1.clusterPort)
	n3 := startNATS(t, "n3", 0, 0, n1.clusterPort, n2.clusterPort)
	nettest.WaitUntil(t, "the NATS cluster to form", func() bool { return routed(n1, n2, n3) })

	cfgA, cfgB := testConfig(t.TempDir()), testConfig(t.TempDir())
	cfgA.Node, cfgA.NATS = "a", n1.url()+","+n2.url()
	cfgB.Node, cfgB.NATS = "b", n3.url()
	a, b := startServer(t, cfgA), startServer(t, cfgB)
	alice, bob, bea := dial(t, a.addr("telnet")), dial(t, b.addr("telnet")), dial(t, b.addr("telnet"))
	alice.createCharacter("Alice", "lanterns1")
	bob.createCharacter("Bob", "lanterns2")
	bea.createCharacter("Bea", "lanterns3")

	alice.send("global Can anyone hear me?")
	bob.expect("[Global] Alice@a: Can anyone hear me?")
	bob.send("whisper alice I hear you.")
	bob.expect(`You whisper to Alice, "I hear you."`)
	alice.expect(`Bob@b whispers to you, "I hear you."`)
	alice.send("give $1 to bob") // Bob plays on node b: nothing crosses nodes by hand
	alice.expect(`There is no "bob" beside you; you can only hand things to someone in the same room.`)
	var who string
	nettest.WaitUntil(t, "who to list both nodes", func() bool { // node b may be slow to answer on a busy machine
		who = alice.do("who", "Wanderers")
		return strings.Contains(who, "(3)")
	})
	wantIn(t, who, "Alice", "Bob                  [b]", "Bea                  [b]")

	gone := serving(t, a, n1, n2)
	gone.stop() // node a's server goes: it reconnects to the other
	left := n1
	if gone == n1 {
		left = n2
	}
	nettest.WaitUntil(t, "node a to reconnect", func() bool { return a.bus.Stats().Reconnects > 0 && a.bus.Connected() })
	alice.send("global Still here.")
	bob.expect("[Global] Alice@a: Still here.")

	n3.stop() // node b loses NATS
	nettest.WaitUntil(t, "node b to lose NATS", func() bool { return !b.bus.Connected() })
	bob.send("say Is the line dead?")
	bea.expect(`Bob says, "Is the line dead?"`)
	bob.send("global Anyone out there?")
	bob.expect("[Global] You: Anyone out there?")
	bea.expect("[Global] Bob: Anyone out there?")

	startNATS(t, "n3", n3.clientPort, n3.clusterPort, left.clusterPort)
	nettest.WaitUntil(t, "node b to reconnect", func() bool { return b.bus.Connected() })
	alice.expect("[Global] Bob@b: Anyone out there?") // caught up on reconnect
	bea.send("say Back again.")
	bob.expect(`Bea says, "Back again."`)
	if strings.Contains(bea.seen.String(), "Anyone out there?") {
		t.Error("Bea heard Bob's global twice after the reconnect")
	}
}
