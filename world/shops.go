package world

import (
	"strconv"
	"strings"
	"time"

	"mythosd/store"
)

// Rules of shops (GAME-RULES.md, Shops).
const (
	restockEvery = 10 * time.Minute
	maxBuy       = 20 // most of one thing bought at once
)

// buyPrice is what a shop asks for an item of value cents: value x 1.5.
func buyPrice(value int) int64 { return int64(value) * 3 / 2 }

// sellPrice is what a shop pays for an item of value cents: value x 0.5.
func sellPrice(value int) int64 { return int64(value) / 2 }

// openShop fills a new shopkeeper's stock and schedules its restocking.
func (w *World) openShop(n *NPC, now time.Time) {
	if n.def.Shop == nil {
		return
	}
	n.stock = make([]int, len(n.def.Shop.Stock))
	w.restock(n, now)
}

// restock returns n's stock to its definition, and comes again in 10 min.
func (w *World) restock(n *NPC, now time.Time) {
	for i, s := range n.def.Shop.Stock {
		n.stock[i] = s.Quantity
	}
	w.npcQueue.push(npcEvent{at: now.Add(restockEvery).UnixNano(), kind: evRestock, npc: n})
}

// shopkeeper returns a shopkeeper in c's room, answering c when none.
func (w *World) shopkeeper(c *Character) *NPC {
	for _, n := range w.npcsIn[c.RoomID] {
		if n.def.Kind == store.NPCShopkeeper && n.stock != nil {
			return n
		}
	}
	c.send("There is nobody here to trade with.\n")
	return nil
}

// shopCommands are the commands of trade.
func shopCommands() []*command {
	return []*command{
		{name: "list", summary: "what a shopkeeper here sells", run: (*World).cmdList, topic: "shops"},
		{name: "buy", summary: "buy from a shopkeeper: buy tonic 2", run: (*World).cmdBuy, topic: "shops"},
		{name: "sell", summary: "sell a thing you carry to a shopkeeper", run: (*World).cmdSell, topic: "shops"},
		{name: "value", summary: "ask what a shopkeeper would pay for a thing", run: (*World).cmdValue, topic: "shops"},
	}
}

// cmdList shows the shop's stock with its prices.
func (w *World) cmdList(c *Character, _ string) {
	n := w.shopkeeper(c)
	if n == nil {
		return
	}
	var b strings.Builder
	b.WriteString(capitalize(theName(n.name())) + " sells:\n")
	for i, s := range n.def.Shop.Stock {
		p := w.protos[s.Proto]
		if p == nil {
			continue
		}
		left := "sold out"
		if n.stock[i] > 0 {
			left = strconv.Itoa(n.stock[i]) + " left"
		}
		b.WriteString("  " + padRight(p.Name, 32) + " " + padRight(dollars(buyPrice(p.Value)), 9) + " " + left + "\n")
	}
	c.send(b.String())
}

// cmdBuy buys from the shop: buy <item> [quantity]. The items appear in
// the inventory and the money leaves the purse in one batch.
func (w *World) cmdBuy(c *Character, args string) {
	n := w.shopkeeper(c)
	if n == nil {
		return
	}
	what, qty, ok := buyArgs(args)
	if !ok {
		c.send("Usage: buy <item> [quantity], a quantity from 1 to " + strconv.Itoa(maxBuy) + ".\n")
		return
	}
	i := w.stockLine(n, what)
	if i < 0 {
		c.send(theName(n.name()) + " sells no \"" + clip(what, 40) + "\". Type \"list\".\n")
		return
	}
	p := w.protos[n.def.Shop.Stock[i].Proto]
	cost := buyPrice(p.Value) * int64(qty)
	switch {
	case n.stock[i] < qty:
		c.send(theName(n.name()) + " has only " + strconv.Itoa(n.stock[i]) + " of " + p.plural + " left.\n")
		return
	case c.money < cost:
		c.send(capitalize(p.Name) + " x" + strconv.Itoa(qty) + " costs " + dollars(cost) + "; you have " + dollars(c.money) + ".\n")
		return
	}
	probe := &Item{proto: p, where: carried}
	if why := w.cannotCarry(c, probe, true); why != "" || c.carriedWeight()+p.Weight*qty > c.weightLimit() {
		c.send("You cannot carry that much more.\n")
		return
	}
	for range qty {
		w.newItem(p, invOf(c), "")
	}
	n.stock[i] -= qty
	c.money -= cost
	w.markDirty(c)
	c.send("You buy " + countName(p, qty) + " for " + dollars(cost) + ".\n")
	w.tellRoom(c.RoomID, c, c.Name+" buys "+countName(p, qty)+".")
}

// buyArgs splits "tonic 2" into the item and a quantity of 1..20.
func buyArgs(args string) (string, int, bool) {
	f := strings.Fields(args)
	if len(f) == 0 {
		return "", 0, false
	}
	qty := 1
	if len(f) > 1 {
		if n, err := strconv.Atoi(f[len(f)-1]); err == nil {
			if n < 1 || n > maxBuy {
				return "", 0, false
			}
			qty, f = n, f[:len(f)-1]
		}
	}
	return strings.ToLower(strings.Join(f, " ")), qty, true
}

// countName is "a folk tonic" or "3 folk tonics".
func countName(p *proto, n int) string {
	if n == 1 {
		return p.Name
	}
	return strconv.Itoa(n) + " " + p.plural
}

// stockLine is the line of n's stock whose prototype matches what, or -1.
func (w *World) stockLine(n *NPC, what string) int {
	words := strings.Fields(what)
	for i, s := range n.def.Shop.Stock {
		if p := w.protos[s.Proto]; p != nil && p.matches(words) {
			return i
		}
	}
	return -1
}

// cmdSell sells a carried item to the shop for half its value; the item
// leaves the world.
func (w *World) cmdSell(c *Character, args string) {
	_, it := w.offered(c, args)
	if it == nil {
		return
	}
	pay := sellPrice(it.proto.Value)
	w.destroy(it)
	c.money += pay
	w.markDirty(c)
	c.send("You sell " + it.name() + " for " + dollars(pay) + ".\n")
	w.tellRoom(c.RoomID, c, c.Name+" sells "+it.name()+".")
}

// offered finds the shopkeeper in c's room and the carried item that args
// names, one the shop would buy; the item is nil (and c told why) when
// there is no shop, no such item, or the shop will not have it.
func (w *World) offered(c *Character, args string) (*NPC, *Item) {
	n := w.shopkeeper(c)
	if n == nil {
		return nil, nil
	}
	it := findOne(c, c.inv, args, "in your pack")
	if it == nil {
		return n, nil
	}
	if why := unsellable(it); why != "" {
		c.send(theName(n.name()) + why + "\n")
		return n, nil
	}
	return n, it
}

// unsellable says why a shop will not buy it (after the shopkeeper's
// name), or "".
func unsellable(it *Item) string {
	switch {
	case it.proto.has(flagNoSale) || it.proto.has(flagQuest):
		return " will not touch " + it.name() + "."
	case len(it.contents) > 0:
		return " wants " + it.name() + " emptied first."
	case sellPrice(it.proto.Value) == 0:
		return " shrugs: " + it.name() + " is worth nothing."
	}
	return ""
}

// cmdValue tells what the shop would pay for a carried item.
func (w *World) cmdValue(c *Character, args string) {
	n, it := w.offered(c, args)
	if it == nil {
		return
	}
	c.send(theName(n.name()) + " would pay " + dollars(sellPrice(it.proto.Value)) + " for " + it.name() + ".\n")
}
