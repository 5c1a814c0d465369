package index

import "slices"

// Contact channels of a service, in the order the page lists them.
const (
	ChannelInPerson = "in-person" // a place to go to (its locations)
	ChannelPhone    = "phone"
	ChannelEmail    = "email"
	ChannelChat     = "chat"
	ChannelVideo    = "video"
	ChannelForm     = "form"     // an online form
	ChannelOutreach = "outreach" // they come to people ("aufsuchend")
)

// ChannelOrder is every channel, in display order.
var ChannelOrder = []string{ChannelInPerson, ChannelPhone, ChannelEmail, ChannelChat, ChannelVideo, ChannelForm, ChannelOutreach}

// Channels is how people reach the service: the record's list, or, when it
// gives none, what its facts show (a location to visit, a phone, an
// e-mail address) – nothing is guessed beyond that.
func (r ServiceRef) Channels() []string {
	if len(r.Service.Channels) > 0 {
		return r.Service.Channels
	}
	var out []string
	if len(r.Service.Locations) > 0 && !r.Service.OnlineOnly {
		out = append(out, ChannelInPerson)
	}
	if r.Service.Contact.Phone.Number != "" || len(r.Org.Phones) > 0 {
		out = append(out, ChannelPhone)
	}
	if r.Service.Contact.Email.Address != "" || r.Org.Email.Address != "" {
		out = append(out, ChannelEmail)
	}
	return out
}

// Remote reports whether the service has no place to go to (a hotline, an
// online or outreach service): it is found from every area it serves and is
// never placed on a map.
func (r ServiceRef) Remote() bool {
	return !slices.Contains(r.Channels(), ChannelInPerson)
}

// FromHome reports whether people reach the service without going
// anywhere and without anyone coming to them: by phone or online.
func (r ServiceRef) FromHome() bool {
	return r.Remote() && !slices.Contains(r.Channels(), ChannelOutreach)
}

// channels checks a service's channels against its locations: a listed
// place is a place to visit, and a visit needs a place.
func (f file) channels(key string, s Service) {
	for _, c := range s.Channels {
		if !slices.Contains(ChannelOrder, c) {
			f.errorf(key+".channels", "service %s: channel %q is not one of in-person, phone, email, chat, video, form, outreach", s.ID, c)
		}
	}
	inPerson := slices.Contains(s.Channels, ChannelInPerson)
	switch {
	case inPerson && len(s.Locations) == 0:
		f.errorf(key+".channels", "service %s: in-person needs its locations", s.ID)
	case inPerson && s.OnlineOnly:
		f.errorf(key+".channels", "service %s: online_only contradicts the in-person channel", s.ID)
	case len(s.Channels) > 0 && !inPerson && len(s.Locations) > 0:
		f.errorf(key+".locations", "service %s: locations are places to visit; add in-person to channels or remove them (a remote service is not placed on a map)", s.ID)
	case len(s.Locations) == 0 && !s.OnlineOnly && len(s.Channels) == 0:
		f.errorf(key, "service %s: list its locations, or its channels (phone, chat, outreach …) when there is no place to visit", s.ID)
	}
}
