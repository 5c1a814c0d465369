package index

import (
	"slices"
	"testing"
)

func TestChannels(t *testing.T) {
	org := &Organization{Phones: []Phone{{Number: "0531 1"}}}
	tests := []struct {
		name   string
		svc    Service
		want   []string
		remote bool
	}{
		{"derived from the facts shown", Service{Locations: []string{"a"}}, []string{"in-person", "phone"}, false},
		{"a hotline", Service{Channels: []string{"phone", "chat"}}, []string{"phone", "chat"}, true},
		{"outreach has no place to go to", Service{Channels: []string{"outreach", "phone"}}, []string{"outreach", "phone"}, true},
		{"online only", Service{OnlineOnly: true}, []string{"phone"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ref := ServiceRef{Org: org, Service: &tc.svc}
			if got := ref.Channels(); !slices.Equal(got, tc.want) {
				t.Errorf("Channels = %v, want %v", got, tc.want)
			}
			if got := ref.Remote(); got != tc.remote {
				t.Errorf("Remote = %v, want %v", got, tc.remote)
			}
		})
	}
}
