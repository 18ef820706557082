package benchmark

import (
	"fmt"
	"iter"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

const pop = "core@1"

// team is a shorthand for an entry with one consideration "k" (no score when k < 0).
func team(id, org string, shares bool, setting, specialty, nation string, k float64) Entry {
	e := Entry{Member: Member{Team: id, Organisation: org, Setting: setting, Specialty: specialty, Nation: nation, Shares: shares},
		Scores: map[string]float64{}}
	if k >= 0 {
		e.Scores["k"] = k
	}
	return e
}

func entries(es []Entry) iter.Seq2[string, Entry] {
	return func(yield func(string, Entry) bool) {
		for _, e := range es {
			if !yield(pop, e) {
				return
			}
		}
	}
}

// others are five teams of sharing organisations B and C with scores 40, 50, 50, 60, 70:
// sorted, p25 (h = 1) is 50, the median (h = 2) 50, p75 (h = 3) 60.
func others() []Entry {
	return []Entry{
		team("b1", "B", true, "community", "physio", "england", 40),
		team("b2", "B", true, "community", "physio", "wales", 50),
		team("b3", "B", true, "acute", "physio", "england", 50),
		team("c1", "C", true, "community", "dietetics", "england", 60),
		team("c2", "C", true, "acute", "dietetics", "scotland", 70),
	}
}

var self = Member{Team: "a1", Organisation: "A", Setting: "community", Specialty: "physio", Nation: "england", Shares: true}

func TestIndexCompare(t *testing.T) {
	t.Parallel()
	withSelf := func(es []Entry, k float64) []Entry {
		return append(es, team("a1", "A", true, "community", "physio", "england", k))
	}
	optedOut := []Entry{ // organisation D does not share: five teams with 10..50
		team("d1", "D", false, "community", "physio", "england", 10),
		team("d2", "D", false, "community", "physio", "england", 20),
		team("d3", "D", false, "acute", "physio", "england", 30),
		team("d4", "D", false, "community", "dietetics", "wales", 40),
		team("d5", "D", false, "community", "physio", "england", 50),
	}
	dSelf := Member{Team: "d1", Organisation: "D", Setting: "community", Specialty: "physio", Nation: "england"}
	tests := []struct {
		name    string
		entries []Entry
		self    Member
		kind    Kind
		own     float64
		want    Stats
	}{
		// below 1 (40), equal 2 (50, 50): 100 * (1 + 0.5 * 2) / 5 = 40.
		{"ties count half", withSelf(others(), 50), self, All, 50, Stats{N: 5, Percentile: 40, P25: 50, Median: 50, P75: 60}},
		// The team's own latest entry (90) is left out; own 30 is an older assessment.
		{"the team itself is left out", withSelf(others(), 90), self, All, 30, Stats{N: 5, Percentile: 0, P25: 50, Median: 50, P75: 60}},
		{"own above all", withSelf(others(), 10), self, All, 80, Stats{N: 5, Percentile: 100, P25: 50, Median: 50, P75: 60}},
		{"four is suppressed", withSelf(others()[:4], 50), self, All, 50, Stats{N: 4, Suppressed: true}},
		// community: b1 40, b2 50, c1 60 -> three.
		{"setting", withSelf(others(), 50), self, Setting, 50, Stats{N: 3, Suppressed: true}},
		{"specialty", withSelf(others(), 50), self, Specialty, 50, Stats{N: 3, Suppressed: true}},
		{"nation", withSelf(others(), 50), self, Nation, 50, Stats{N: 3, Suppressed: true}},
		{"organisation, no other team", withSelf(others(), 50), self, Organisation, 50, Stats{N: 0, Suppressed: true}},
		// An organisation that opted out is in no cohort of others...
		{"opted-out teams are not in others' cohorts", withSelf(append(others(), optedOut...), 50), self, All, 50,
			Stats{N: 5, Percentile: 40, P25: 50, Median: 50, P75: 60}},
		// ...and its own teams see only each other: d2..d5 are 20, 30, 40, 50.
		{"opted-out teams see only their organisation", withSelf(append(others(), optedOut...), 50), dSelf, All, 30,
			Stats{N: 4, Suppressed: true}},
		{"opted-out setting cohort", append(append(others(), optedOut...), team("d6", "D", false, "community", "x", "y", 60)), dSelf, Setting, 45,
			// community, not d1: d2 20, d4 40, d5 50, d6 60 -> four.
			Stats{N: 4, Suppressed: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ix := Build(entries(tt.entries))
			if got := ix.Compare(pop, tt.self, tt.kind, "k", tt.own); !cmp.Equal(got, tt.want) {
				t.Errorf("Compare = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestIndexOrganisationCohortAndOptOut(t *testing.T) {
	t.Parallel()
	var es []Entry
	for i, v := range []float64{10, 20, 30, 40, 50, 60} {
		es = append(es, team(fmt.Sprintf("d%d", i), "D", false, "community", "physio", "england", v))
	}
	ix := Build(entries(append(es, others()...)))
	d0 := es[0].Member
	// d1..d5: 20, 30, 40, 50, 60; own 35: below 2 -> 40. p25 h=1 -> 30, median 40, p75 50.
	want := Stats{N: 5, Percentile: 40, P25: 30, Median: 40, P75: 50}
	for _, kind := range []Kind{All, Organisation, Setting} {
		if got := ix.Compare(pop, d0, kind, "k", 35); !cmp.Equal(got, want) {
			t.Errorf("%s: Compare = %+v, want %+v", kind, got, want)
		}
	}
	if got := ix.Compare(pop, self, All, "k", 50).N; got != 5 {
		t.Errorf("sharing team's cohort has %d teams, want the 5 of B and C", got)
	}
}

func TestIndexPutReplacesTheTeamsLatest(t *testing.T) {
	t.Parallel()
	ix := Build(entries(others()))
	ix.Put(pop, team("b1", "B", true, "community", "physio", "england", 100)) // was 40
	// Cohort 50, 50, 60, 70, 100; own 55: below 2 -> 40; p25 50, median 60, p75 70.
	want := Stats{N: 5, Percentile: 40, P25: 50, Median: 60, P75: 70}
	if got := ix.Compare(pop, self, All, "k", 55); !cmp.Equal(got, want) {
		t.Errorf("Compare = %+v, want %+v", got, want)
	}
	// Opting out takes the organisation's teams out of the shared cohort.
	for _, e := range others()[:3] {
		e.Shares = false
		ix.Put(pop, e)
	}
	if got := ix.Compare(pop, self, All, "k", 55).N; got != 2 {
		t.Errorf("after B opted out the cohort has %d teams, want 2", got)
	}
}

func TestIndexSetSharing(t *testing.T) {
	t.Parallel()
	ix := Build(entries(others()))
	ix.SetSharing("B", false)
	if got := ix.Compare(pop, self, All, "k", 55).N; got != 2 {
		t.Errorf("after B opted out the cohort has %d teams, want C's 2", got)
	}
	b1 := others()[0].Member
	b1.Shares = false
	if got := ix.Compare(pop, b1, All, "k", 55).N; got != 2 {
		t.Errorf("B's team sees %d teams, want B's other 2", got)
	}
	ix.SetSharing("B", true)
	ix.SetSharing("nobody", false)
	if got := ix.Compare(pop, self, All, "k", 55); !cmp.Equal(got, Build(entries(others())).Compare(pop, self, All, "k", 55)) {
		t.Errorf("after B opted back in: %+v, want as built", got)
	}
}

func TestIndexUnscoredAndUnknown(t *testing.T) {
	t.Parallel()
	ix := Build(entries(append(others(), team("c3", "C", true, "acute", "x", "y", -1))))
	if got := ix.Compare(pop, self, All, "k", 50).N; got != 5 {
		t.Errorf("N = %d, want 5: a team without a score for k does not count", got)
	}
	for name, s := range map[string]Stats{
		"unknown population":    ix.Compare("other@1", self, All, "k", 50),
		"unknown consideration": ix.Compare(pop, self, All, "nope", 50),
		"unknown setting":       ix.Compare(pop, Member{Team: "z", Organisation: "A", Setting: "moon", Shares: true}, Setting, "k", 50),
	} {
		if !cmp.Equal(s, Stats{Suppressed: true}) {
			t.Errorf("%s: %+v, want an empty suppressed cohort", name, s)
		}
	}
}

// TestIndexAgreesWithCompare checks the index against Compare over a cohort chosen by
// brute force from SCORING.md's rules, for random teams, updates and queries.
func TestIndexAgreesWithCompare(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		orgs := []string{"A", "B", "C"}
		shares := map[string]bool{}
		for _, o := range orgs {
			shares[o] = rapid.Bool().Draw(t, "shares "+o)
		}
		gen := func(label string, id string) Entry {
			org := rapid.SampledFrom(orgs).Draw(t, label+" org")
			e := Entry{Member: Member{Team: id, Organisation: org, Shares: shares[org],
				Setting:   rapid.SampledFrom([]string{"s1", "s2"}).Draw(t, label+" setting"),
				Specialty: rapid.SampledFrom([]string{"p1", "p2"}).Draw(t, label+" specialty"),
				Nation:    rapid.SampledFrom([]string{"n1", "n2"}).Draw(t, label+" nation")},
				Scores: map[string]float64{}}
			for _, k := range []string{"a", "b"} {
				if rapid.IntRange(0, 5).Draw(t, label+" has "+k) > 0 {
					e.Scores[k] = rapid.SampledFrom([]float64{0, 12.5, 100.0 / 3, 50, 50, 200.0 / 3, 75, 100}).Draw(t, label+" "+k)
				}
			}
			return e
		}
		latest := map[string]Entry{}
		var initial []Entry
		for i := range rapid.IntRange(0, 25).Draw(t, "teams") {
			e := gen("team", fmt.Sprintf("t%d", i))
			initial = append(initial, e)
			latest[e.Team] = e
		}
		ix := Build(entries(initial))
		for range rapid.IntRange(0, 10).Draw(t, "updates") {
			if rapid.IntRange(0, 3).Draw(t, "sharing change") == 0 {
				org := rapid.SampledFrom(orgs).Draw(t, "org changing sharing")
				shares[org] = !shares[org]
				ix.SetSharing(org, shares[org])
				for id, e := range latest {
					if e.Organisation == org {
						e.Shares = shares[org]
						latest[id] = e
					}
				}
				continue
			}
			e := gen("update", fmt.Sprintf("t%d", rapid.IntRange(0, 30).Draw(t, "updated team")))
			if old, ok := latest[e.Team]; ok && rapid.Bool().Draw(t, "attributes only") {
				old.Setting, old.Specialty, old.Nation = e.Setting, e.Specialty, e.Nation
				ix.SetAttributes(e.Team, e.Setting, e.Specialty, e.Nation)
				latest[e.Team] = old
				continue
			}
			e.Shares = shares[e.Organisation]
			ix.Put(pop, e)
			latest[e.Team] = e
		}
		me := gen("self", fmt.Sprintf("t%d", rapid.IntRange(0, 30).Draw(t, "self team")))
		if e, ok := latest[me.Team]; ok && rapid.Bool().Draw(t, "self as indexed") {
			me = e
		}
		kind := rapid.SampledFrom(Kinds).Draw(t, "kind")
		own := rapid.SampledFrom([]float64{0, 12.5, 40, 50, 75, 100}).Draw(t, "own")
		for _, k := range []string{"a", "b"} {
			want := Compare(own, bruteCohort(latest, me.Member, kind, k))
			if got := ix.Compare(pop, me.Member, kind, k, own); !cmp.Equal(got, want) {
				t.Fatalf("%s %s: index %+v, brute force %+v", kind, k, got, want)
			}
		}
	})
}

// bruteCohort applies SCORING.md "Benchmark" and "Cohort privacy" to every team.
func bruteCohort(latest map[string]Entry, self Member, kind Kind, key string) []float64 {
	var out []float64
	for _, e := range latest {
		v, scored := e.Scores[key]
		switch {
		case !scored, e.Team == self.Team:
			continue
		case kind == Organisation || !self.Shares:
			if e.Organisation != self.Organisation {
				continue
			}
		case !e.Shares:
			continue
		}
		if kind == Setting && e.Setting != self.Setting || kind == Specialty && e.Specialty != self.Specialty ||
			kind == Nation && e.Nation != self.Nation {
			continue
		}
		out = append(out, v)
	}
	return out
}
