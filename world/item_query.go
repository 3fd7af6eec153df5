package world

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Bounds of what an item query may ask for.
const (
	maxQueryLen   = 100 // characters of an item name
	maxQueryCount = 100 // things handled by one command
)

// itemQuery is what a player names: "lamp", "brass lamp", "2.lamp" (the
// second lamp), "3 tonic" (up to three), "all", "all.tonic".
type itemQuery struct {
	words []string
	all   bool
	count int // up to this many; 0 for one
	nth   int // the nth match; 0 for the first
}

// parseItemQuery reads a query, or returns what is wrong with it.
func parseItemQuery(arg string) (itemQuery, string) {
	if !utf8.ValidString(arg) {
		return itemQuery{}, "That name is garbled; type it again."
	}
	arg = strings.ToLower(strings.TrimSpace(arg))
	switch {
	case arg == "" || isNumberWord(arg):
		return itemQuery{}, "Which thing do you mean?"
	case utf8.RuneCountInString(arg) > maxQueryLen:
		return itemQuery{}, "Nothing here has a name that long."
	}
	var q itemQuery
	if first, rest, ok := strings.Cut(arg, " "); ok && isNumberWord(first) {
		n, msg := parseCount(first)
		if msg != "" {
			return q, msg
		}
		q.count, arg = n, strings.TrimSpace(rest)
	}
	if arg == "all" {
		q.all = true
		return q, ""
	}
	if prefix, rest, ok := strings.Cut(arg, "."); ok {
		switch {
		case prefix == "all":
			q.all = true
		case isNumberWord(prefix):
			n, err := strconv.Atoi(prefix)
			if err != nil || n <= 0 || n > 10000 {
				return q, "There are not that many of anything here."
			}
			q.nth = n
		default:
			rest = arg
		}
		arg = rest
	}
	q.words = strings.Fields(arg)
	if len(q.words) == 0 {
		return q, "Which thing do you mean?"
	}
	return q, ""
}

// isNumberWord reports whether s looks like a number, signed or not.
func isNumberWord(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// parseCount reads a quantity: 1 to maxQueryCount.
func parseCount(s string) (int, string) {
	if strings.HasPrefix(s, "-") {
		return 0, "You cannot handle a negative number of things."
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil || n > maxQueryCount:
		return 0, "You can handle at most " + strconv.Itoa(maxQueryCount) + " things at once."
	case n == 0:
		return 0, "Nothing at all? Done."
	}
	return n, ""
}

// pick returns the items of list the query names, and false when it names
// none.
func (q itemQuery) pick(list []*Item) ([]*Item, bool) {
	var out []*Item
	seen := 0
	for _, it := range list {
		if len(q.words) > 0 && !it.proto.matches(q.words) {
			continue
		}
		seen++
		switch {
		case q.all:
			out = append(out, it)
		case q.count > 0:
			out = append(out, it)
			if len(out) == q.count {
				return out, true
			}
		case q.nth == 0 || seen == q.nth:
			return []*Item{it}, true
		}
	}
	return out, len(out) > 0
}

// what is how the query reads in a "you see no ..." answer.
func (q itemQuery) what() string {
	name := strings.Join(q.words, " ")
	switch {
	case q.all && name == "":
		return "thing at all"
	case q.nth > 0:
		return ordinal(q.nth) + " " + name
	}
	return "\"" + name + "\""
}

// ordinal is "1st", "2nd", "3rd", "4th" ...
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

var numberWords = [...]string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
	"nineteen", "twenty"}

// countOf is "a brass lamp" for one, "three folk tonics" for three.
func countOf(p *proto, n int) string {
	if n == 1 {
		return p.Name
	}
	return numberWord(n) + " " + p.plural
}

// numberWord is "three" for 3, "21" for 21.
func numberWord(n int) string {
	if n >= 0 && n < len(numberWords) {
		return numberWords[n]
	}
	return strconv.Itoa(n)
}

// groupNames names items by prototype in first-seen order: "a brass lamp,
// three folk tonics and a satchel".
func groupNames(items []*Item) string {
	if len(items) == 1 {
		return items[0].proto.Name
	}
	var order []*proto
	counts := map[*proto]int{}
	for _, it := range items {
		if counts[it.proto] == 0 {
			order = append(order, it.proto)
		}
		counts[it.proto]++
	}
	names := make([]string, len(order))
	for i, p := range order {
		names[i] = countOf(p, counts[p])
	}
	return joinAnd(names)
}

// joinAnd joins words as "a, b and c".
func joinAnd(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// listLines lists items one group a line, indented, containers and worn
// items on their own.
func listLines(items []*Item) string {
	var b strings.Builder
	var order []*Item
	counts := map[*proto]int{}
	for _, it := range items {
		if it.stacks() {
			if counts[it.proto] == 0 {
				order = append(order, it)
			}
			counts[it.proto]++
			continue
		}
		order = append(order, it)
	}
	for _, it := range order {
		n := 1
		if it.stacks() {
			n = counts[it.proto]
		}
		b.WriteString("  " + countOf(it.proto, n) + it.suffix() + "\n")
	}
	return b.String()
}

// suffix notes a container's state in lists: " (closed)".
func (it *Item) suffix() string {
	if !it.proto.isContainer() || !it.proto.Container.Closable {
		return ""
	}
	return " (" + stateNames[it.state] + ")"
}
