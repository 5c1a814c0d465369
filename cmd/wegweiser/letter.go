package main

import (
	"bytes"
	"fmt"
	"strings"
	"text/template"
	"time"

	"github.com/wegweiser-braunschweig/wegweiser/index"
)

// letterFact is one line of a letter: what, as shown, and the date of the
// source that states it.
type letterFact struct {
	LabelDE, LabelEN string
	Value, AsOf      string
	Source           string
}

type letterData struct {
	Name, Date string
	Services   []string
	Facts      []letterFact
	UnknownDE  string
	UnknownEN  string
}

var factLabels = map[string][2]string{
	index.FactWebsite: {"Website", "Website"},
	index.FactEmail:   {"E-Mail", "E-mail"},
	index.FactPhone:   {"Telefon", "Phone"},
	index.FactAddress: {"Adresse", "Address"},
	index.FactHours:   {"Öffnungszeiten", "Opening hours"},
	index.FactBooking: {"Terminbuchung", "Booking"},
}

// The letter asks a provider to confirm every contact fact Wegweiser
// shows, each with its date, in German and in English; it is meant to be
// sent by an editor, not automatically.
var letterTemplate = template.Must(template.New("letter").Parse(`# Bitte prüfen: Ihre Angaben im Wegweiser Region Braunschweig

{{.Date}}

Guten Tag,

der Wegweiser ist ein offenes Verzeichnis von Beratungsstellen für Zugewanderte in der Region
Braunschweig. Zu **{{.Name}}** zeigen wir die folgenden Kontaktangaben. Jede Angabe trägt das Datum der
öffentlichen Quelle, aus der sie stammt. Bitte prüfen Sie sie und antworten Sie kurz: Was stimmt noch,
was hat sich geändert, was fehlt? Wir übernehmen nur Angaben, die Sie uns bestätigen oder die auf Ihrer
Website stehen.

| Angabe | wie gezeigt | Stand | Quelle |
| --- | --- | --- | --- |
{{range .Facts}}| {{.LabelDE}} | {{.Value}} | {{if .AsOf}}{{.AsOf}}{{else}}unbekannt{{end}} | {{.Source}} |
{{end}}
Angebote, die wir zeigen: {{range $i, $s := .Services}}{{if $i}}; {{end}}{{$s}}{{end}}.
{{if .UnknownDE}}
Nicht bekannt sind uns: {{.UnknownDE}}.
{{end}}
Vielen Dank für Ihre Hilfe.

Mit freundlichen Grüßen
Die Redaktion des Wegweisers

---

# Please check: your details in Wegweiser Region Braunschweig

Dear Sir or Madam,

Wegweiser is an open directory of advice services for immigrants in the Braunschweig region. For
**{{.Name}}** we show the contact details below. Each one carries the date of the public source it comes
from. Please check them and reply briefly: what is still correct, what has changed, what is missing? We
only publish details that you confirm or that are on your website.

| Detail | as shown | as of | source |
| --- | --- | --- | --- |
{{range .Facts}}| {{.LabelEN}} | {{.Value}} | {{if .AsOf}}{{.AsOf}}{{else}}unknown{{end}} | {{.Source}} |
{{end}}
Services we show: {{range $i, $s := .Services}}{{if $i}}; {{end}}{{$s}}{{end}}.
{{if .UnknownEN}}
We do not know: {{.UnknownEN}}.
{{end}}
Thank you for your help.

Kind regards,
The Wegweiser editors
`))

// letter renders the confirmation letter of one organization.
func letter(o *index.Organization, now time.Time) (string, error) {
	name, _ := o.Name.In("de")
	data := letterData{Name: name, Date: now.Format("2.1.2006")}
	for _, s := range o.Services {
		n, _ := s.Name.In("de")
		data.Services = append(data.Services, n)
	}
	kinds := map[string]bool{}
	for _, f := range o.ContactFacts() {
		kinds[f.Kind] = true
		label := factLabels[f.Kind]
		data.Facts = append(data.Facts, letterFact{LabelDE: label[0], LabelEN: label[1],
			Value: mdCell(f.Value), AsOf: day(f.AsOf), Source: mdCell(f.Source)})
	}
	var de, en []string
	for _, k := range []string{index.FactPhone, index.FactEmail, index.FactAddress, index.FactHours} {
		if !kinds[k] {
			de, en = append(de, factLabels[k][0]), append(en, strings.ToLower(factLabels[k][1]))
		}
	}
	data.UnknownDE, data.UnknownEN = strings.Join(de, ", "), strings.Join(en, ", ")
	var b bytes.Buffer
	if err := letterTemplate.Execute(&b, data); err != nil {
		return "", fmt.Errorf("letter for %s: %w", o.ID, err)
	}
	return b.String(), nil
}
