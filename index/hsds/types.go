package hsds

// The documents of Open Referral HSDS 3.0, as its compiled JSON schemas
// describe them (testdata/hsds-3.0/compiled). Fields the schemas require
// have no omitempty; every other empty field is left out, never guessed.

// Organization is an organization document (organization.json); without
// its lists it is an item of /organizations (organization_list.json).
type Organization struct {
	ID                      string                   `json:"id"`
	Name                    string                   `json:"name"`
	AlternateName           string                   `json:"alternate_name,omitempty"`
	Description             string                   `json:"description"`
	Email                   string                   `json:"email,omitempty"`
	Website                 string                   `json:"website,omitempty"`
	Phones                  []Phone                  `json:"phones,omitempty"`
	Locations               []Location               `json:"locations,omitempty"`
	Services                []Service                `json:"services,omitempty"`
	OrganizationIdentifiers []OrganizationIdentifier `json:"organization_identifiers,omitempty"`
	Attributes              []Attribute              `json:"attributes,omitempty"`
	Metadata                []Metadata               `json:"metadata,omitempty"`
}

// Service is a service document (service.json); without its lists it is
// an item of /services (service_list.json).
type Service struct {
	ID                     string              `json:"id"`
	OrganizationID         string              `json:"organization_id,omitempty"`
	Name                   string              `json:"name"`
	Description            string              `json:"description,omitempty"`
	URL                    string              `json:"url,omitempty"`
	Email                  string              `json:"email,omitempty"`
	Status                 string              `json:"status"`
	ApplicationProcess     string              `json:"application_process,omitempty"`
	FeesDescription        string              `json:"fees_description,omitempty"`
	EligibilityDescription string              `json:"eligibility_description,omitempty"`
	AssuredDate            string              `json:"assured_date,omitempty"`
	Alert                  string              `json:"alert,omitempty"`
	Phones                 []Phone             `json:"phones,omitempty"`
	Schedules              []Schedule          `json:"schedules,omitempty"`
	ServiceAreas           []ServiceArea       `json:"service_areas,omitempty"`
	ServiceAtLocations     []ServiceAtLocation `json:"service_at_locations,omitempty"`
	Languages              []Language          `json:"languages,omitempty"`
	Organization           *Organization       `json:"organization,omitempty"`
	CostOptions            []CostOption        `json:"cost_options,omitempty"`
	RequiredDocuments      []RequiredDocument  `json:"required_documents,omitempty"`
	Attributes             []Attribute         `json:"attributes,omitempty"`
	Metadata               []Metadata          `json:"metadata,omitempty"`
}

// ServiceAtLocation links a service to a place where it is given.
type ServiceAtLocation struct {
	ID          string      `json:"id"`
	ServiceID   string      `json:"service_id,omitempty"`
	LocationID  string      `json:"location_id,omitempty"`
	Description string      `json:"description,omitempty"`
	Schedules   []Schedule  `json:"schedules,omitempty"`
	Location    *Location   `json:"location,omitempty"`
	Service     *Service    `json:"service,omitempty"`
	Attributes  []Attribute `json:"attributes,omitempty"`
}

// Location is a place (location_type "physical").
type Location struct {
	ID                     string          `json:"id"`
	LocationType           string          `json:"location_type"`
	OrganizationID         string          `json:"organization_id,omitempty"`
	Name                   string          `json:"name,omitempty"`
	Transportation         string          `json:"transportation,omitempty"`
	Latitude               *float64        `json:"latitude,omitempty"`
	Longitude              *float64        `json:"longitude,omitempty"`
	ExternalIdentifier     string          `json:"external_identifier,omitempty"`
	ExternalIdentifierType string          `json:"external_identifier_type,omitempty"`
	Addresses              []Address       `json:"addresses,omitempty"`
	Accessibility          []Accessibility `json:"accessibility,omitempty"`
	Schedules              []Schedule      `json:"schedules,omitempty"`
	Attributes             []Attribute     `json:"attributes,omitempty"`
	Metadata               []Metadata      `json:"metadata,omitempty"`
}

// Address is a postal address; HSDS requires every part, so an unknown
// part is an empty string.
type Address struct {
	ID            string     `json:"id"`
	LocationID    string     `json:"location_id,omitempty"`
	Address1      string     `json:"address_1"`
	City          string     `json:"city"`
	StateProvince string     `json:"state_province"`
	PostalCode    string     `json:"postal_code"`
	Country       string     `json:"country"`
	AddressType   string     `json:"address_type"`
	Metadata      []Metadata `json:"metadata,omitempty"`
}

// Phone is a phone number of an organization or a service.
type Phone struct {
	ID             string     `json:"id"`
	OrganizationID string     `json:"organization_id,omitempty"`
	ServiceID      string     `json:"service_id,omitempty"`
	Number         string     `json:"number"`
	Type           string     `json:"type,omitempty"`
	Description    string     `json:"description,omitempty"`
	Metadata       []Metadata `json:"metadata,omitempty"`
}

// Schedule is one RRULE-style weekly rule (freq WEEKLY, byday, opens_at,
// closes_at), or a booking link (schedule_link), or a note alone.
type Schedule struct {
	ID           string     `json:"id"`
	ServiceID    string     `json:"service_id,omitempty"`
	LocationID   string     `json:"location_id,omitempty"`
	Freq         string     `json:"freq,omitempty"`
	Wkst         string     `json:"wkst,omitempty"`
	Byday        string     `json:"byday,omitempty"`
	OpensAt      string     `json:"opens_at,omitempty"`
	ClosesAt     string     `json:"closes_at,omitempty"`
	Description  string     `json:"description,omitempty"`
	ScheduleLink string     `json:"schedule_link,omitempty"`
	Notes        string     `json:"notes,omitempty"`
	Metadata     []Metadata `json:"metadata,omitempty"`
}

// ServiceArea is an area a service serves.
type ServiceArea struct {
	ID          string `json:"id"`
	ServiceID   string `json:"service_id,omitempty"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
}

// Language is a language a service is given in.
type Language struct {
	ID        string `json:"id"`
	ServiceID string `json:"service_id,omitempty"`
	Name      string `json:"name,omitempty"`
	Code      string `json:"code,omitempty"`
}

// CostOption says what a service costs.
type CostOption struct {
	ID                string   `json:"id"`
	ServiceID         string   `json:"service_id"`
	Option            string   `json:"option,omitempty"`
	Currency          string   `json:"currency,omitempty"`
	Amount            *float64 `json:"amount,omitempty"`
	AmountDescription string   `json:"amount_description,omitempty"`
}

// RequiredDocument is what to bring.
type RequiredDocument struct {
	ID        string `json:"id"`
	ServiceID string `json:"service_id,omitempty"`
	Document  string `json:"document,omitempty"`
}

// Accessibility describes a location's access.
type Accessibility struct {
	ID          string `json:"id"`
	LocationID  string `json:"location_id,omitempty"`
	Description string `json:"description,omitempty"`
	Details     string `json:"details,omitempty"`
}

// OrganizationIdentifier names an organization in another scheme: here
// its Wegweiser id, the record's file name.
type OrganizationIdentifier struct {
	ID               string `json:"id"`
	OrganizationID   string `json:"organization_id"`
	IdentifierScheme string `json:"identifier_scheme,omitempty"`
	IdentifierType   string `json:"identifier_type"`
	Identifier       string `json:"identifier"`
}

// Attribute applies a taxonomy term to an object, with a value where the
// term needs one.
type Attribute struct {
	ID             string        `json:"id"`
	LinkID         string        `json:"link_id"`
	TaxonomyTermID string        `json:"taxonomy_term_id"`
	LinkType       string        `json:"link_type,omitempty"`
	LinkEntity     string        `json:"link_entity"`
	Value          string        `json:"value,omitempty"`
	TaxonomyTerm   *TaxonomyTerm `json:"taxonomy_term,omitempty"`
}

// TaxonomyTerm is a term of one of Wegweiser's taxonomies, in one language.
type TaxonomyTerm struct {
	ID             string    `json:"id"`
	Code           string    `json:"code,omitempty"`
	Name           string    `json:"name"`
	Description    string    `json:"description"`
	Taxonomy       string    `json:"taxonomy,omitempty"`
	TaxonomyDetail *Taxonomy `json:"taxonomy_detail,omitempty"`
	Language       string    `json:"language,omitempty"`
	TaxonomyID     string    `json:"taxonomy_id,omitempty"`
}

// Taxonomy is one of Wegweiser's vocabularies.
type Taxonomy struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Version     string `json:"version,omitempty"`
}

// Metadata records where a fact comes from: the date of the source that
// states it (last_action_date), the source (updated_by) and the value.
type Metadata struct {
	ID               string `json:"id"`
	ResourceID       string `json:"resource_id"`
	ResourceType     string `json:"resource_type"`
	LastActionDate   string `json:"last_action_date"`
	LastActionType   string `json:"last_action_type"`
	FieldName        string `json:"field_name"`
	PreviousValue    string `json:"previous_value"`
	ReplacementValue string `json:"replacement_value"`
	UpdatedBy        string `json:"updated_by"`
}
