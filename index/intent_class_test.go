package index

import (
	"context"
	"testing"
	"time"
)

// TestIntentClassesWeighAsEachService: every service weighs what the first
// service of its intent class weighs, for the intents of the tuning and dev
// queries and for each intent with each group and topic, so the class
// holds everything intentWeight reads.
func TestIntentClassesWeighAsEachService(t *testing.T) {
	ix := mustRealIndex(t)
	var all []intents
	for _, dir := range []string{"../testdata/relevance", "../testdata/relevance-dev", "../testdata/relevance-dev-2"} {
		for _, rq := range loadRelevanceQueries(t, dir) {
			pq := ix.parse(rq.Q)
			if pq == nil {
				continue
			}
			m, err := ix.match(context.Background(), pq, Query{Text: rq.Q, Lang: rq.Lang, Now: time.Now()})
			ix.release(m)
			if err != nil {
				t.Fatal(err)
			}
			if len(pq.intents) > 0 {
				all = append(all, pq.intents)
			}
		}
	}
	for _, g := range ix.facets.ids[dimGroup] {
		all = append(all, intents{intentSensitive: {groups: []string{g}}}, intents{intentEmployer: {groups: []string{g}}})
	}
	for _, topic := range ix.facets.ids[dimTopic] {
		all = append(all, intents{intentProfession: {topics: []string{topic}}, intentCounselling: {}})
	}
	// plain intents (plainIntents), weighed by the few small classes
	all = append(all, intents{}, intents{intentSensitive: {}}, intents{intentCounselling: {}},
		intents{intentSensitive: {topics: []string{"work"}}, intentCounselling: {}})
	if len(all) < 50 {
		t.Fatalf("only %d sets of intents: the check would prove little", len(all))
	}
	for _, in := range all {
		memo := ix.newIntentMemo(in)
		for o := range ix.entries {
			if got, want := memo.of(int32(o)), intentWeight(&ix.entries[o], in); got != want {
				t.Fatalf("%s with intents %v: %v by its class, %v by itself", ix.entries[o].ref.DocID(), in, got, want)
			}
		}
	}
}

// TestPlaceClassesWeighAsEachService: for every area named alone, and for
// pairs of areas, every service weighs what the first service of its place
// class weighs, so the class holds everything placeWeight reads.
func TestPlaceClassesWeighAsEachService(t *testing.T) {
	ix := mustRealIndex(t)
	type named struct{ areas, places []string }
	var all []named
	for i, a := range ix.dir.Areas {
		all = append(all, named{areas: []string{a.ID}})
		for _, p := range a.Places { // a town limits services limited to others (LimitedTo)
			all = append(all, named{[]string{a.ID}, []string{p}})
		}
		if i > 0 {
			all = append(all, named{areas: []string{a.ID, ix.dir.Areas[i-1].ID}})
		}
	}
	for _, n := range all {
		memo := ix.newPlaceMemo(n.areas, n.places)
		for o := range ix.entries {
			if got, want := memo.of(int32(o)), ix.placeWeight(&ix.entries[o], n.areas, n.places); got != want {
				t.Fatalf("%s for %v %v: %v by its class, %v by itself", ix.entries[o].ref.DocID(), n.areas, n.places, got, want)
			}
		}
	}
}
