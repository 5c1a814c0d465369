package index

import (
	"strings"
)

// Loose keys of words, for transliteration (understand_translit.go). Each
// key keeps what two scripts spell alike and merges what they spell
// differently: "bezhenets" and "беженец" both become "beZenec".

// cyrillicLatin writes Cyrillic letters in Latin the way their speakers do
// on phones; lang picks the letters that differ (Ukrainian г is "h",
// Russian "g"; "de" spells German sounds, for office words in Cyrillic).
func cyrillicToLatin(lang, word string) string {
	var b strings.Builder
	rs := []rune(strings.ToLower(word))
	for i, r := range rs {
		switch r {
		case 'ш':
			// German "st" and "sp" sound "scht", "schp": Cyrillic writes шт
			if lang == "de" && i+1 < len(rs) && (rs[i+1] == 'т' || rs[i+1] == 'п') {
				b.WriteString("s")
			} else {
				b.WriteString("sh")
			}
		case 'г':
			if lang == "uk" {
				b.WriteString("h")
			} else {
				b.WriteString("g")
			}
		case 'и':
			if lang == "uk" {
				b.WriteString("y")
			} else {
				b.WriteString("i")
			}
		case 'щ':
			if lang == "bg" {
				b.WriteString("sht")
			} else {
				b.WriteString("shch")
			}
		case 'ъ':
			if lang == "bg" {
				b.WriteString("a")
			}
		case 'ё':
			if lang == "de" {
				b.WriteString("o")
			} else {
				b.WriteString("yo")
			}
		default:
			b.WriteString(cyrillicLetters[r])
			if _, ok := cyrillicLetters[r]; !ok {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

var cyrillicLetters = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'ґ': "g", 'д': "d", 'е': "e", 'є': "ye", 'ж': "zh", 'з': "z", 'і': "i",
	'ї': "yi", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s",
	'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'ь': "", 'ы': "y", 'э': "e",
	'ю': "yu", 'я': "ya", '\'': "", '’': "", 'ʼ': "",
}

// looseLatin is the key of a Latin spelling: accents, digraphs and the
// letters that different romanisations use for one sound merged.
func looseLatin(word string) string {
	w := strings.ToLower(word)
	w = latinFold.Replace(w)
	w = latinDigraphs.Replace(w)
	var b strings.Builder
	var prev rune
	for _, r := range w {
		switch r {
		case 'y', 'j':
			r = 'i'
		case 'g', 'h':
			r = 'h' // Ukrainian г is h, Russian g; х is kh or h
		case 'w':
			r = 'v'
		case 'q':
			r = 'k'
		}
		if r == prev || !isKeyRune(r) {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isKeyRune(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

var (
	latinFold = strings.NewReplacer("š", "sh", "ś", "sh", "č", "ch", "ć", "ch", "ž", "zh", "ź", "zh", "ł", "l",
		"ä", "a", "ö", "o", "ü", "u", "ß", "ss", "é", "e", "è", "e", "ê", "e", "ë", "e", "á", "a", "à", "a",
		"â", "a", "í", "i", "ì", "i", "î", "i", "ó", "o", "ò", "o", "ô", "o", "ú", "u", "ù", "u", "û", "u",
		"ą", "a", "ę", "e", "ń", "n", "ş", "sh", "ç", "ch", "ğ", "g", "ı", "i", "ă", "a", "ș", "sh", "ț", "ts")
	// Longest first: "shch" before "sh", "tsch" before "ts".
	latinDigraphs = strings.NewReplacer("shch", "S", "sch", "S", "sht", "S", "tsch", "C", "tch", "C",
		"sh", "S", "ch", "C", "zh", "Z", "kh", "h", "ts", "c", "tz", "c", "z", "c", "ph", "f", "ck", "k", "x", "ks",
		"ie", "i")
)

// consonants drops the vowels of a loose key: transcriptions of German
// words into Cyrillic keep the consonants and change the vowels.
func consonants(key string) string {
	var b strings.Builder
	for _, r := range key {
		if !strings.ContainsRune("aeiou", r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// arabicClass maps Arabic-script letters to the consonant classes that
// Latin spellings keep apart; long vowels, hamza and ta marbuta are left
// out, as Latin spellings write vowels freely.
var arabicClass = map[rune]string{
	'ب': "b", 'پ': "b", 'ت': "t", 'ط': "t", 'ث': "s", 'س': "s", 'ص': "s", 'ج': "j", 'چ': "S", 'ش': "S",
	'ح': "h", 'ه': "h", 'خ': "h", 'د': "d", 'ض': "d", 'ذ': "z", 'ز': "z", 'ظ': "z", 'ژ': "z", 'ر': "r",
	'ع': "3", 'غ': "k", 'ق': "k", 'ك': "k", 'ک': "k", 'گ': "k", 'ف': "f", 'ل': "l", 'م': "m", 'ن': "n",
	'ڤ': "f", 'ڨ': "k", 'ټ': "t", 'ډ': "d", 'ړ': "r", 'ږ': "z", 'ښ': "S", 'ګ': "k", 'ڼ': "n",
}

// arabicSkeletons returns the keys of an Arabic-script word: each و as a
// vowel and as "v" ("براونشوایگ": the first a vowel, the second "v"), ع
// kept (Arabizi writes it "3") and left out (Persian Latin does), a final ة
// as "t" (ta2shiret) and not, and without the article.
func arabicSkeletons(lang, word string) []string {
	r := []rune(word)
	if len(r) == 0 {
		return nil
	}
	var out []string
	if len(r) > 3 && string(r[:2]) == "ال" {
		out = arabicSkeletons(lang, string(r[2:]))
	}
	waws := 0
	for _, c := range r {
		if c == 'و' {
			waws++
		}
	}
	waws = min(waws, 3) // each و a vowel or "v": at most 8 readings
	for mask := 0; mask < 1<<waws; mask++ {
		for _, ain := range []bool{true, false} {
			var b strings.Builder
			w := 0
			for i, c := range r {
				switch {
				case c == 'و':
					if w < waws && mask&(1<<w) != 0 {
						b.WriteString("f")
					}
					w++
				case c == 'ع' && !ain:
				case c == 'ه' && i == len(r)-1 && i > 0 && lang != "ar":
					// Persian and Pashto write a final e this way ("اجازه", ejaze)
				default:
					b.WriteString(arabicClass[c])
				}
			}
			k := b.String()
			if !containsString(out, k) && k != "" {
				out = append(out, k)
			}
			if r[len(r)-1] == 'ة' && !containsString(out, k+"t") {
				out = append(out, k+"t")
			}
		}
	}
	return out
}

// arabiziSkeleton is the key of a Latin spelling of an Arabic-script word:
// the Arabizi digits for the letters Latin lacks (2 hamza, 3 ع, 5 and 7 the
// h sounds, 6 ط, 9 ص), digraphs, and no vowels.
func arabiziSkeleton(word string) string { return latinSkeleton(word, false) }

// latinSkeleton is arabiziSkeleton; with vowelsSeparate, a vowel between
// two equal consonants keeps both, as Arabic script writes a German name
// ("Schöningen", شونينغن): only a doubled Latin letter is one Arabic letter.
// Arabizi keeps merging them, as its writers double letters freely.
func latinSkeleton(word string, vowelsSeparate bool) string {
	w := arabiziDigraphs.Replace(latinFold.Replace(strings.ToLower(word)))
	if r := []rune(w); len(r) > 3 && r[len(r)-1] == 'h' && strings.ContainsRune("aeiou", r[len(r)-2]) {
		w = string(r[:len(r)-1]) // "mosa3adeh": a final -eh is ة, which keys leave out
	}
	var b strings.Builder
	var prev rune
	for _, r := range w {
		c := ""
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w', '2', '\'':
			if vowelsSeparate {
				prev = 0
			}
		case '3':
			c = "3"
		case '5', '7', 'x':
			c = "h"
		case '6':
			c = "t"
		case '9':
			c = "s"
		case '8', 'g', 'q', 'c':
			c = "k"
		case 'p':
			c = "b"
		case 'v':
			c = "f"
		default:
			if isKeyRune(r) {
				c = string(r)
			}
		}
		if c != "" && []rune(c)[0] != prev {
			b.WriteString(c)
			prev = []rune(c)[0]
		}
	}
	return b.String()
}

var arabiziDigraphs = strings.NewReplacer("sch", "S", "sh", "S", "ch", "S", "kh", "h", "gh", "k", "th", "s", "dh", "z", "zh", "z",
	"ou", "u", "ee", "i", "oo", "u", "ce", "se", "ci", "si", "tz", "ts")

// germanArabicSkeleton is the key of a German word (an office or a place)
// as Arabic script writes it: w and v are ف ("فولفسبورغ"), and the vowels
// go as in arabiziSkeleton.
func germanArabicSkeleton(word string) string {
	return latinSkeleton(germanSounds.Replace(strings.ToLower(word)), true)
}

// germanSounds spells German letters as they sound, for Arabic script: w is
// "v", st and sp start with "sch" ("هلمشتت", Helmstedt).
var germanSounds = strings.NewReplacer("w", "v", "sch", "sch", "st", "scht", "sp", "schp")

// slavicSpellings returns a Latin word as written, and as the English-like
// romanisation that looseLatin keys would spell it when it was written the
// Polish way ("szukaju", шукаю: sz ш, cz ч, rz ж, ch х) or the German way
// ("sarplatu", зарплату: s before a vowel з, sch ш, tsch ч, ch х, sh ж).
// People romanise Cyrillic by the keyboard and school they had.
func slavicSpellings(word string) []string {
	out := []string{word}
	if hasAnyPart(word, polishLetters) {
		return out // Polish itself ("oszukała"), not Cyrillic in its letters
	}
	if hasAnyPart(word, polishLikeMarks) {
		out = append(out, polishLike.Replace(word))
	}
	if hasAnyPart(word, germanLikeMarks) || startsWithSVowel(word) {
		out = append(out, germanVoicedS(germanLike.Replace(word)))
	}
	return out
}

var (
	polishLikeMarks = []string{"sz", "cz", "rz", "ch"}
	polishLetters   = []string{"ł", "ą", "ę", "ó", "ś", "ż", "ź", "ć", "ń"}
	polishLike      = strings.NewReplacer("szcz", "shch", "sz", "sh", "cz", "ch", "rz", "zh", "ch", "kh")
	germanLikeMarks = []string{"sch", "ch", "sh", "s"}
	germanLike      = strings.NewReplacer("schtsch", "shch", "tsch", "ch", "sch", "sh", "ch", "kh", "sh", "zh", "ss", "s")
)

// germanVoicedS writes a German-like "s" before a vowel at the start of a
// word or between vowels as "z" (German reads it so: "sakon", закон). Its
// "sh" and "ch" have become "zh" and "kh" by then, so a bare "s" is one.
func germanVoicedS(word string) string {
	r := []rune(word)
	for i, c := range r {
		if c != 's' || i+1 >= len(r) || !isVowelRune(r[i+1]) || r[i+1] == 'h' {
			continue
		}
		if i == 0 || isVowelRune(r[i-1]) {
			r[i] = 'z'
		}
	}
	return string(r)
}

func startsWithSVowel(word string) bool {
	r := []rune(word)
	return len(r) > 1 && r[0] == 's' && isVowelRune(r[1])
}

func isVowelRune(r rune) bool { return strings.ContainsRune("aeiouyäöü", r) }
