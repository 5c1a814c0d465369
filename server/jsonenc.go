package server

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The parts of a search's answer that change with every query (head,
// snippets, scores, distances, facets) are encoded by hand, without
// reflection: as encoding/json encodes them, byte for byte (tested against
// json.Marshal in jsonenc_test.go and hitviews_test.go).

// appendJSONString appends s as encoding/json encodes a string: HTML's
// <, > and & escaped, invalid UTF-8 replaced, U+2028 and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' && b != '<' && b != '>' && b != '&' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(append(dst, s[start:]...), '"')
}

// appendJSONFloat appends f as encoding/json encodes a float64 (finite:
// scores and distances are).
func appendJSONFloat(dst []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' { // e-09 to e-9
		if n := len(dst); n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// appendSearchHead appends the head of a search's answer, without its
// closing brace.
func appendSearchHead(dst []byte, h searchHead) []byte {
	dst = appendJSONString(append(dst, `{"query":`...), h.Query)
	dst = appendJSONString(append(dst, `,"lang":`...), h.Lang)
	if h.DetectedLang != "" {
		dst = appendJSONString(append(dst, `,"detected_lang":`...), h.DetectedLang)
	}
	if len(h.Places) > 0 {
		dst = appendPlaces(append(dst, `,"places":`...), h.Places)
	}
	dst = strconv.AppendInt(append(dst, `,"total":`...), int64(h.Total), 10)
	dst = strconv.AppendInt(append(dst, `,"page":`...), int64(h.Page), 10)
	return strconv.AppendInt(append(dst, `,"limit":`...), int64(h.Limit), 10)
}

// appendSearchFoot appends the foot of a search's answer, after a comma,
// with its closing brace.
func appendSearchFoot(dst []byte, f searchFoot) []byte {
	dst = append(dst, `"facets":`...)
	if f.Facets == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '{')
		names := make([]string, 0, len(f.Facets))
		for name := range f.Facets {
			names = append(names, name)
		}
		slices.Sort(names) // as encoding/json orders a map's keys
		for i, name := range names {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = append(appendJSONString(dst, name), ':')
			dst = appendFacets(dst, f.Facets[name])
		}
		dst = append(dst, '}')
	}
	if f.Suggestion != "" {
		dst = appendJSONString(append(dst, `,"suggestion":`...), f.Suggestion)
	}
	return append(strconv.AppendBool(append(dst, `,"fallback":`...), f.Fallback), '}')
}

func appendPlaces(dst []byte, list []placeView) []byte {
	dst = append(dst, '[')
	for i, p := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(append(dst, `{"text":`...), p.Text)
		if p.Place != "" {
			dst = appendJSONString(append(dst, `,"place":`...), p.Place)
		}
		dst = appendJSONString(append(dst, `,"area":`...), p.Area)
		dst = appendJSONString(append(dst, `,"area_name":`...), p.AreaName)
		dst = append(appendJSONString(append(dst, `,"area_name_lang":`...), p.AreaNameLang), '}')
	}
	return append(dst, ']')
}

func appendFacets(dst []byte, list []facet) []byte {
	if list == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, fc := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(append(dst, `{"id":`...), fc.ID)
		dst = appendJSONString(append(dst, `,"label":`...), fc.Label)
		dst = append(strconv.AppendInt(append(dst, `,"count":`...), int64(fc.Count), 10), '}')
	}
	return append(dst, ']')
}
