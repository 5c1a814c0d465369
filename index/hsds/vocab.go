package hsds

import (
	"strings"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// Codes of Wegweiser's taxonomies; each is also the link_type of the
// attributes that apply its terms.
const (
	TaxTopics      = "topics"
	TaxGroups      = "target-groups"
	TaxChannels    = "channels"
	TaxAppointment = "appointment"
	TaxKinds       = "organization-kinds"
	TaxOffices     = "responsible-for"
	TaxRecord      = "wegweiser-record"
)

// Terms of the wegweiser-record taxonomy: facts of a record that have no
// field in HSDS, carried as attribute values.
const (
	TermServiceID    = "service-id"          // value: <organization>/<service>
	TermSource       = "source"              // value: a URL the record's facts come from
	TermFirstContact = "first-contact"       // a general first point of contact
	TermOnlineOnly   = "online-only"         // reached by phone or online only
	TermArea         = "area"                // value: the area id of a location
	TermPlace        = "place"               // value: the town whose centre stands for the location
	TermOrgStatus    = "organization-status" // value: inactive or defunct
	TermAltName      = "alternate-name"      // value: one of the organization's other names
)

// term is an entry of a taxonomy with its name per language.
type term struct {
	code  string
	names index.Text
}

// taxonomy is one of Wegweiser's vocabularies as an HSDS taxonomy.
type taxonomy struct {
	code, name, description string
	terms                   []term
}

// Labels are the page's words per language (static/public/i18n), used
// for the names of terms the records do not label themselves.
type Labels map[string]map[string]string

// in returns the words of key in every language that has them, or code
// as its English name when none has.
func (l Labels) in(key, code string) index.Text {
	t := index.Text{}
	for lang, words := range l {
		if s := words[key]; s != "" {
			t[lang] = s
		}
	}
	if len(t) == 0 {
		t["en"] = code
	}
	return t
}

// word is the page's word for key in lang, else in German.
func (l Labels) word(lang, key string) string {
	if s := l[lang][key]; s != "" {
		return s
	}
	return l["de"][key]
}

// taxonomies builds Wegweiser's taxonomies: topics and target groups from
// the data with their ten-language labels, channels and appointment with
// the page's words, and fixed lists for the rest.
func taxonomies(d *index.Directory, labels Labels) []taxonomy {
	topics := taxonomy{code: TaxTopics, name: "Wegweiser topics", description: "What a service helps with (data/topics.toml)."}
	for _, t := range d.Topics {
		topics.terms = append(topics.terms, term{t.ID, t.Label})
	}
	groups := taxonomy{code: TaxGroups, name: "Wegweiser target groups", description: "Who a service is for (data/groups.toml)."}
	for _, g := range d.Groups {
		groups.terms = append(groups.terms, term{g.ID, g.Label})
	}
	channels := taxonomy{code: TaxChannels, name: "Wegweiser contact channels", description: "How people reach a service."}
	for _, c := range index.ChannelOrder {
		channels.terms = append(channels.terms, term{c, labels.in("channel"+camel(c), c)})
	}
	appt := taxonomy{code: TaxAppointment, name: "Wegweiser appointment", description: "Whether a service needs an appointment."}
	for code, key := range map[string]string{"required": "apptRequired", "recommended": "apptRecommended", "none": "apptNone"} {
		appt.terms = append(appt.terms, term{code, labels.in(key, code)})
	}
	sortTerms(appt.terms, []string{"required", "recommended", "none"})
	return []taxonomy{topics, groups, channels, appt, fixed(TaxKinds, "Wegweiser organization kinds", "What kind of organization a provider is.", "en", kindNames),
		fixed(TaxOffices, "Responsible offices", "The office a service is by law for the people living in its areas.", "de", officeNames),
		fixed(TaxRecord, "Wegweiser record fields", "Facts of a Wegweiser record that have no HSDS field; the attribute's value holds them.", "en", recordNames)}
}

var kindNames = [][2]string{{"authority", "Public authority"}, {"counselling", "Counselling service"}, {"chamber", "Chamber"},
	{"education", "Education provider"}, {"university", "University"}, {"network", "Network"},
	{"economic-development", "Economic development agency"}, {"association", "Association"}}

var officeNames = [][2]string{{"auslaenderbehoerde", "Ausländerbehörde"}, {"jobcenter", "Jobcenter"}, {"agentur-fuer-arbeit", "Agentur für Arbeit"}}

var recordNames = [][2]string{{TermServiceID, "Wegweiser service id"}, {TermSource, "Source"}, {TermFirstContact, "General first point of contact"},
	{TermOnlineOnly, "Online or by phone only"}, {TermArea, "Wegweiser area"}, {TermPlace, "Approximate position: centre of this town or district"},
	{TermOrgStatus, "Organization status"}, {TermAltName, "Other name"}}

func fixed(code, name, description, lang string, names [][2]string) taxonomy {
	t := taxonomy{code: code, name: name, description: description}
	for _, n := range names {
		t.terms = append(t.terms, term{n[0], index.Text{lang: n[1]}})
	}
	return t
}

func sortTerms(terms []term, order []string) {
	for i, code := range order {
		for j := range terms {
			if terms[j].code == code {
				terms[i], terms[j] = terms[j], terms[i]
			}
		}
	}
}

// camel turns "in-person" into "InPerson" (the page's key channelInPerson).
func camel(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "-") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}

// langsOf lists the interface languages a term is named in, in the order
// of index.Languages.
func langsOf(names index.Text) []string {
	var out []string
	for _, l := range index.Languages {
		if names[l] != "" {
			out = append(out, l)
		}
	}
	return out
}
