package lucidity

import (
	"math/rand/v2"
	"strings"
	"unicode"
)

// glyphSet are the marks a fractured mind scrawls into what it says.
const glyphSet = "ᚦᛉᛟ☉⍟⊕᛭ᛝ𐑺"

// AddGlyphs returns text with glyphs worked into it: about one after every
// sixth letter, at places drawn from rng.
func AddGlyphs(text string, rng *rand.Rand) string {
	glyphs := []rune(glyphSet)
	var b strings.Builder
	for _, r := range text {
		b.WriteRune(r)
		if unicode.IsLetter(r) && rng.IntN(6) == 0 {
			b.WriteRune(glyphs[rng.IntN(len(glyphs))])
		}
	}
	return b.String()
}

// StripPunctuation returns text without its punctuation.
func StripPunctuation(text string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) {
			return -1
		}
		return r
	}, text)
}

// Scramble returns text with the inner letters of each longer word
// shuffled by rng: the first and last letters stay, so it reads as a
// sentence heard through fever.
func Scramble(text string, rng *rand.Rand) string {
	words := strings.Split(text, " ")
	for i, w := range words {
		rs := []rune(w)
		if len(rs) < 4 {
			continue
		}
		inner := rs[1 : len(rs)-1]
		rng.Shuffle(len(inner), func(a, b int) { inner[a], inner[b] = inner[b], inner[a] })
		words[i] = string(rs)
	}
	return strings.Join(words, " ")
}
