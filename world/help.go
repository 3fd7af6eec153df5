package world

import (
	"io/fs"
	"path"
	"slices"
	"strings"
)

// helpIndex holds the help texts, read once when the world is made.
type helpIndex struct {
	texts map[string]string // topic -> text
	index string            // index.txt: the header of the help list
	motd  string            // motd.txt: the banner before login
}

// loadHelp reads every {topic}.txt of fsys; a nil fsys gives no help texts.
func loadHelp(fsys fs.FS) (*helpIndex, error) {
	h := &helpIndex{texts: make(map[string]string)}
	if fsys == nil {
		return h, nil
	}
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		text := strings.TrimRight(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") + "\n"
		switch topic := strings.TrimSuffix(path.Base(name), ".txt"); topic {
		case "index":
			h.index = text
		case "motd":
			h.motd = text
		default:
			h.texts[topic] = text
		}
	}
	return h, nil
}

func (h *helpIndex) has(topic string) bool { _, ok := h.texts[topic]; return ok }

func (h *helpIndex) topic(topic string) (string, bool) {
	text, ok := h.texts[topic]
	return text, ok
}

// topics lists the topic names, sorted.
func (h *helpIndex) topics() []string {
	out := make([]string, 0, len(h.texts))
	for t := range h.texts {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}
