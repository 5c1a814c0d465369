package index

import "strings"

// Persian and Pashto negate a verb with a prefix: ن + دارم (I have) is
// ندارم, ن + لرم is نلرم, نمی + فهمم is نمیفهمم. On a phone people also
// write the prefix apart, as the word "نه" or "نمی" ("مدارک نه دارم", "اسناد
// نه لرم"); the phrases of the vocabulary write the verb joined, as the
// grammar does. So a negation word before a verb is read as the joined
// verb when the vocabulary knows that one: otherwise "نه" stays a negation
// and the verb a word of its own (or a filler: "دارم" is "I have"), and
// "no documents" is only "documents".
var negationPrefixes = map[string]string{"نه": "ن", "نمی": "نمی", "نمي": "نمی"}

// joinedNegationLangs are the languages whose vocabulary words the joined
// verb is looked up in.
var joinedNegationLangs = []string{"fa", "ps"}

// joinNegatedVerbs writes a negation word and the verb after it as the
// joined verb, where the vocabulary knows that one. It runs on the text,
// before filler words are taken out.
func (ix *Index) joinNegatedVerbs(text string) string {
	if !strings.Contains(text, "نه") && !strings.Contains(text, "نم") {
		return text
	}
	toks := wordTokenizer.Tokenize([]byte(text))
	var b strings.Builder
	last := 0
	for i := 0; i+1 < len(toks); i++ {
		prefix, ok := negationPrefixes[string(toks[i].Term)]
		if !ok {
			continue
		}
		joined := prefix + string(toks[i+1].Term)
		if !ix.vocabKnowsWord(joined) {
			continue
		}
		b.WriteString(text[last:toks[i].Start])
		b.WriteString(joined)
		last = toks[i+1].End
		i++
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// vocabKnowsWord reports whether a phrase of the joined-negation languages
// has the word as written.
func (ix *Index) vocabKnowsWord(w string) bool {
	for _, lang := range joinedNegationLangs {
		if ix.vocab.words[lang][w] {
			return true
		}
	}
	return false
}
