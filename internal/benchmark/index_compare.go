package benchmark

import (
	"math"
	"slices"
	"sort"
)

// Answering a comparison from the Index: binary searches in the shared pool's sorted
// arrays, or a scan of one organisation's teams.

// Compare compares own, the score of consideration key of an assessment of team
// self, with self's cohort of kind in population pop: the latest entries of the
// other teams. Self's own latest entry is left out (it may be another assessment than
// the one being compared). The result is what Compare over that cohort would return.
func (ix *Index) Compare(pop string, self Member, kind Kind, key string, own float64) Stats {
	p := ix.pops[pop]
	if p == nil {
		return Compare(own, nil)
	}
	j, ok := p.keyIdx[key]
	if !ok {
		return Compare(own, nil)
	}
	if kind == Organisation || !self.Shares {
		return Compare(own, ix.orgCohort(p, self, kind, j))
	}
	sorted, skip := ix.sharedCohort(p, self, kind, j)
	return compareWithout(own, sorted, skip)
}

// sharedCohort returns the sorted array of self's shared cohort and, when self's own
// latest entry is in it, that entry's value to leave out (NaN otherwise).
func (ix *Index) sharedCohort(p *population, self Member, kind Kind, j int) ([]float64, float64) {
	g, ok := ix.groupFor(self, kind)
	if !ok {
		return nil, math.NaN()
	}
	arrays := p.groups[g]
	if arrays == nil {
		return nil, math.NaN()
	}
	skip := math.NaN()
	if i, ok := p.teams[self.Team]; ok && inGroup(p.recs[i], g) {
		skip = p.scores[int(i)*len(p.keys)+j]
	}
	return arrays[j], skip
}

// groupFor is self's shared cohort of kind; false when an attribute was never
// indexed (then no team shares it and the cohort is empty).
func (ix *Index) groupFor(self Member, kind Kind) (group, bool) {
	g := kindGroup(kind)
	if g == gAll {
		return group{gAll, 0}, true
	}
	v, ok := ix.strs[attribute(self, kind)]
	return group{g, v}, ok
}

func kindGroup(kind Kind) uint8 {
	switch kind {
	case Setting:
		return gSetting
	case Specialty:
		return gSpecialty
	case Nation:
		return gNation
	}
	return gAll
}

// attribute is the member's value that cohort kind filters on ("" for all).
func attribute(m Member, kind Kind) string {
	switch kind {
	case Setting:
		return m.Setting
	case Specialty:
		return m.Specialty
	case Nation:
		return m.Nation
	}
	return ""
}

// recAttribute is attribute for an indexed team, interned.
func recAttribute(r rec, g uint8) uint32 {
	switch g {
	case gSetting:
		return r.setting
	case gSpecialty:
		return r.specialty
	case gNation:
		return r.nation
	}
	return 0
}

// orgCohort collects the scores of consideration j of the other teams of self's
// organisation that match kind (the organisation cohort takes them all).
func (ix *Index) orgCohort(p *population, self Member, kind Kind, j int) []float64 {
	org, ok := ix.strs[self.Organisation]
	if !ok {
		return nil
	}
	g := kindGroup(kind)
	v, ok := ix.strs[attribute(self, kind)]
	if !ok {
		return nil
	}
	selfIdx, hasSelf := p.teams[self.Team]
	var out []float64
	for _, i := range p.orgs[org] {
		x := p.scores[int(i)*len(p.keys)+j]
		if (hasSelf && i == selfIdx) || math.IsNaN(x) || recAttribute(p.recs[i], g) != v {
			continue
		}
		out = append(out, x)
	}
	return out
}

// compareWithout is Compare(own, sorted without one occurrence of skip), skip NaN
// meaning nothing to leave out, in O(log n) and without copying.
func compareWithout(own float64, sorted []float64, skip float64) Stats {
	n, cut := len(sorted), len(sorted)
	if !math.IsNaN(skip) {
		if at, found := slices.BinarySearch(sorted, skip); found {
			n, cut = n-1, at
		}
	}
	s := Stats{N: n}
	if n < MinCohort {
		s.Suppressed = true
		return s
	}
	below := sort.SearchFloat64s(sorted, own)
	equal := upperBound(sorted, own) - below
	if cut < len(sorted) {
		switch {
		case skip < own:
			below--
		case skip == own:
			equal--
		}
	}
	s.Percentile = rank(below, equal, n)
	at := func(i int) float64 {
		if i >= cut {
			return sorted[i+1]
		}
		return sorted[i]
	}
	s.P25, s.Median, s.P75 = quantile(n, at, 0.25), quantile(n, at, 0.5), quantile(n, at, 0.75)
	return s
}

func upperBound(sorted []float64, v float64) int {
	return sort.Search(len(sorted), func(i int) bool { return sorted[i] > v })
}
