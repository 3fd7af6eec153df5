package store

// perCharacter holds values by character and by a string key (a room id, a
// fact key, a reason code) and counts them. The zero value is empty and
// ready to use.
type perCharacter[V any] struct {
	m map[int64]map[string]V
	n int
}

// get returns the value under (char, key).
func (pc *perCharacter[V]) get(char int64, key string) (V, bool) {
	v, ok := pc.m[char][key]
	return v, ok
}

// set stores v under (char, key), replacing any value there.
func (pc *perCharacter[V]) set(char int64, key string, v V) {
	if pc.m == nil {
		pc.m = map[int64]map[string]V{}
	}
	inner := pc.m[char]
	if inner == nil {
		inner = map[string]V{}
		pc.m[char] = inner
	}
	if _, ok := inner[key]; !ok {
		pc.n++
	}
	inner[key] = v
}

// setIfAbsent stores v under (char, key) unless a value is there.
func (pc *perCharacter[V]) setIfAbsent(char int64, key string, v V) {
	if _, ok := pc.get(char, key); !ok {
		pc.set(char, key, v)
	}
}

// of returns the values of char by key; the caller must not change it.
func (pc *perCharacter[V]) of(char int64) map[string]V {
	return pc.m[char]
}

// each calls fn for every value, in no order.
func (pc *perCharacter[V]) each(fn func(char int64, key string, v V)) {
	for char, inner := range pc.m {
		for key, v := range inner {
			fn(char, key, v)
		}
	}
}

// eachSorted calls fn for every value, by character then key, and stops at
// the first error, which it returns.
func (pc *perCharacter[V]) eachSorted(fn func(char int64, key string, v V) error) error {
	for _, char := range sortedKeys(pc.m) {
		inner := pc.m[char]
		for _, key := range sortedKeys(inner) {
			if err := fn(char, key, inner[key]); err != nil {
				return err
			}
		}
	}
	return nil
}
