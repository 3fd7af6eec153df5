package lucidity

import "math/rand/v2"

// Hallucination is a thing seen or heard that is not there.
type Hallucination struct {
	// Figure is a phantom shown among who is in the room; Whisper is words
	// that nobody sent. One of the two is set.
	Figure, Whisper string
}

func phantomFigures() []string {
	return []string{
		"a tall man in a dripping oilskin coat",
		"a girl holding a lantern that gives no light",
		"an orderly whose face you cannot quite see",
		"a robed figure counting on too many fingers",
		"your own reflection, a moment late",
		"a hunched shape that is gone when you look straight at it",
	}
}

func phantomWhispers() []string {
	return []string{
		"They are under the floor. They have always been under the floor.",
		"Do not answer when it says your name.",
		"The stars are wrong tonight. Can't you feel it?",
		"You left the door open. Something came in.",
		"Count the windows again. There is one more than before.",
		"It remembers you.",
	}
}

// Hallucinate draws a hallucination from rng: a phantom figure or a whisper.
func Hallucinate(rng *rand.Rand) Hallucination {
	if rng.IntN(2) == 0 {
		return Hallucination{Figure: PhantomFigure(rng)}
	}
	whispers := phantomWhispers()
	return Hallucination{Whisper: whispers[rng.IntN(len(whispers))]}
}

// PhantomFigure draws a figure that is not there.
func PhantomFigure(rng *rand.Rand) string {
	figures := phantomFigures()
	return figures[rng.IntN(len(figures))]
}
