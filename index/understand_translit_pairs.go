package index

import "strings"

// Persian, Dari and Arabic written in Latin letters have many short words
// ("ejaze kar", اجازه کار, work permit; "kar" is کار): their consonant keys
// ("jz", "kr") name too many words each to be read alone. Two of them in a
// row that spell two words in a row of a vocabulary phrase are another
// matter: the pair is read as those words.

// translitPair is two words in a row of a vocabulary phrase.
type translitPair struct {
	lang, first, second string
}

// maxPairKeys bounds the keys of one pair of phrase words (each word has
// up to 16 readings of its و and ع).
const maxPairKeys = 16

// maxShortLetters is the most consonant letters a word with a key shorter
// than minArabicKey can have (two digraphs).
const maxShortLetters = 2 * (minArabicKey - 1)

// addPhrasePairs keys the words in a row of the Arabic-script phrases.
func (t *transliterator) addPhrasePairs(v *vocabulary) {
	t.pairs = map[string]map[string][]translitPair{}
	var skeletons [][]string
	for pi, p := range v.phrases {
		if !containsString(arabicLangs, p.lang) {
			continue
		}
		// A situation's phrase comes once for each of its concepts, one
		// after the other: the same text adds no pair again.
		if prev := v.phrases[max(pi-1, 0)]; pi > 0 && prev.text == p.text && prev.lang == p.lang {
			continue
		}
		ws := strings.Fields(strings.ToLower(p.text))
		skeletons = skeletons[:0]
		for _, w := range ws {
			skeletons = append(skeletons, arabicSkeletons(p.lang, w))
		}
		for i := 1; i < len(ws); i++ {
			n := 0
			for _, k1 := range skeletons[i-1] {
				for _, k2 := range skeletons[i] {
					if len(k1) < minArabiziKey || len(k2) < minArabiziKey || n == maxPairKeys {
						continue
					}
					n++
					if t.pairs[k1] == nil {
						t.pairs[k1] = map[string][]translitPair{}
					}
					pair := translitPair{p.lang, ws[i-1], ws[i]}
					if !containsPair(t.pairs[k1][k2], pair) {
						t.pairs[k1][k2] = append(t.pairs[k1][k2], pair)
					}
				}
			}
		}
	}
}

func containsPair(ps []translitPair, p translitPair) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// readPairs reads two Latin words in a row, one of them too short for a
// key of its own, as the two words of a phrase they spell, per language.
func (ix *Index) readPairs(q *parsedQuery) {
	t := ix.vocab.translit
	if len(q.words) < 2 || len(t.pairs) == 0 {
		return
	}
	// A key is at least half its consonant letters ("sh", "kh" are one):
	// a pair needs one word of at most maxShortLetters to hold a short key.
	// Counting first spares building the keys of most pairs.
	var letters [maxQueryWords]int
	for i, w := range q.words {
		if i < len(letters) {
			letters[i] = consonantLetters(w.text)
		}
	}
	for i := 1; i < len(q.words) && i < maxQueryWords; i++ {
		a, b := &q.words[i-1], &q.words[i]
		la, lb := letters[i-1], letters[i]
		if la < minArabiziKey || lb < minArabiziKey || min(la, lb) > maxShortLetters || !isLatin(a.text) || !isLatin(b.text) {
			continue
		}
		ka, kb := arabiziSkeleton(a.text), arabiziSkeleton(b.text)
		if len(ka) < minArabiziKey || len(kb) < minArabiziKey || len(ka) >= minArabicKey && len(kb) >= minArabicKey {
			continue
		}
		var done []string // languages read, the first pair of each
		for _, p := range t.pairs[ka][kb] {
			if containsString(done, p.lang) {
				continue
			}
			done = append(done, p.lang)
			an := ix.vocab.analyzer(p.lang, ix.an)
			for _, side := range []struct {
				w    *queryWord
				word string
			}{{a, p.first}, {b, p.second}} {
				ts := terms(an, side.word)
				if len(ts) == 0 || containsString(side.w.translit[p.lang], ts[0]) {
					continue
				}
				translit := map[string][]string{p.lang: {ts[0]}} // a copy: analysed words are shared
				via := map[string][]string{p.lang: {side.word}}
				for l, x := range side.w.translit {
					translit[l] = append(translit[l], x...)
				}
				for l, x := range side.w.via {
					via[l] = append(via[l], x...)
				}
				side.w.translit, side.w.via = translit, via
			}
		}
	}
}

// consonantLetters counts the letters of a word that may be consonants
// of its key, without building the key: fewer than two make no key.
func consonantLetters(w string) int {
	n := 0
	for _, r := range w {
		if !strings.ContainsRune("aeiouyAEIOUY2'", r) {
			n++
		}
	}
	return n
}
