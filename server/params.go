package server

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"golang.org/x/text/language"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// Limits of the search parameters.
const (
	maxQueryRunes = 200
	maxQueryWords = 40 // a pasted sentence has about 30; more is not a question
	defaultLimit  = 20
	maxLimit      = 100
	maxPage       = 1000
	maxValues     = 20 // values of one repeatable filter
)

// supported is the matcher for the interface languages; German first, so
// it is the fallback for anything else.
var supported = func() language.Matcher {
	tags := make([]language.Tag, len(index.Languages))
	for i, l := range index.Languages {
		tags[i] = language.Make(l)
	}
	return language.NewMatcher(tags)
}()

// oneValue reads a parameter that takes a single value. Given twice
// ("limit=5&limit=50") it is refused rather than read as either: a link
// built by appending to another would otherwise answer something its author
// did not ask for, silently.
func oneValue(c echo.Context, name string) (string, error) {
	vs := c.QueryParams()[name]
	switch len(vs) {
	case 0:
		return "", nil
	case 1:
		return vs[0], nil
	}
	return "", badParam(name, "given "+strconv.Itoa(len(vs))+" times; it takes one value")
}

// langParam reads `lang`: any BCP 47 tag, matched to the closest interface
// language ("ar-SY" → ar). A language we do not speak gets the one the
// matcher's CLDR data says its speakers most often also read ("be" → ru,
// "ka" → en), which serves them better than German; with none ("fr"), German.
// A tag with subtags the language
// package does not know ("xx") is refused like a malformed one: it names no
// language to fall back from.
func langParam(c echo.Context) (string, error) {
	raw, err := oneValue(c, "lang")
	if err != nil {
		return "", err
	}
	code, err := MatchLang(raw)
	if err != nil {
		return "", badParam("lang", err.Error())
	}
	return code, nil
}

// ErrUnknownLang is MatchLang's answer to a tag that names no language.
var ErrUnknownLang = errors.New("not a known language tag; use one such as de, en or ar")

// MatchLang is the one rule for the answer language, of the API's `lang`
// and of `wegweiser search --lang`: empty is German, a BCP 47 tag gets the
// closest interface language (see langParam), a tag that names no language
// is ErrUnknownLang.
func MatchLang(raw string) (string, error) {
	if raw == "" {
		return "de", nil
	}
	tag, err := language.Parse(raw)
	if err != nil || !utf8.ValidString(raw) {
		return "", ErrUnknownLang
	}
	_, i, conf := supported.Match(tag)
	if conf == language.No {
		return "de", nil
	}
	return index.Languages[i], nil
}

// textParam reads free text: valid UTF-8, at most maxQueryRunes characters
// and maxQueryWords words, control characters turned into spaces.
func textParam(c echo.Context, name string) (string, error) {
	raw, err := oneValue(c, name)
	if err != nil {
		return "", err
	}
	if !utf8.ValidString(raw) {
		return "", badParam(name, "not valid UTF-8")
	}
	if utf8.RuneCountInString(raw) > maxQueryRunes {
		return "", badParam(name, "longer than "+strconv.Itoa(maxQueryRunes)+" characters")
	}
	if len(strings.Fields(raw)) > maxQueryWords {
		return "", badParam(name, "more than "+strconv.Itoa(maxQueryWords)+" words; ask in fewer words")
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, raw), nil
}

// intParam reads a whole number within [lo, hi], or def when absent.
func intParam(c echo.Context, name string, def, lo, hi int) (int, error) {
	raw, err := oneValue(c, name)
	if err != nil || raw == "" {
		return def, err
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < lo || n > hi {
		return 0, badParam(name, "must be a whole number from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
	}
	return n, nil
}

// boolParam reads true/false/1/0; absent is false.
func boolParam(c echo.Context, name string) (bool, error) {
	raw, err := oneValue(c, name)
	if err != nil || raw == "" {
		return false, err
	}
	b, err := strconv.ParseBool(raw)
	if err != nil {
		return false, badParam(name, "must be true or false")
	}
	return b, nil
}

// listParam reads a repeatable parameter; commas separate values too.
func listParam(c echo.Context, name string) ([]string, error) {
	var out []string
	for _, raw := range c.QueryParams()[name] {
		for _, v := range strings.Split(raw, ",") {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
	}
	if len(out) > maxValues {
		return nil, badParam(name, "at most 20 values")
	}
	for _, v := range out {
		if !utf8.ValidString(v) || len(v) > 64 {
			return nil, badParam(name, "unknown value")
		}
	}
	return out, nil
}

// nearParam reads "lat,lon" in degrees.
func nearParam(c echo.Context) (*index.Point, error) {
	raw, err := oneValue(c, "near")
	if err != nil || raw == "" {
		return nil, err
	}
	latS, lonS, ok := strings.Cut(raw, ",")
	lat, err1 := strconv.ParseFloat(strings.TrimSpace(latS), 64)
	lon, err2 := strconv.ParseFloat(strings.TrimSpace(lonS), 64)
	if !ok || err1 != nil || err2 != nil || math.IsNaN(lat) || math.IsNaN(lon) ||
		lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return nil, badParam("near", "must be latitude,longitude in degrees, e.g. 52.26,10.52")
	}
	return &index.Point{Lat: lat, Lon: lon}, nil
}
