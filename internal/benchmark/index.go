package benchmark

import (
	"iter"
	"math"
	"slices"
	"sort"
)

// Kind is a cohort filter (SCORING.md "Benchmark"): which other teams a team is
// compared with.
type Kind string

// The cohort kinds: every other team, or those sharing the team's setting, specialty,
// nation or organisation.
const (
	All          Kind = "all"
	Setting      Kind = "setting"
	Specialty    Kind = "specialty"
	Nation       Kind = "nation"
	Organisation Kind = "organisation"
)

// Kinds lists the cohort kinds in the order pages offer them.
var Kinds = []Kind{All, Setting, Specialty, Nation, Organisation}

// ParseKind returns the kind named s, and false for anything else.
func ParseKind(s string) (Kind, bool) {
	k := Kind(s)
	return k, slices.Contains(Kinds, k)
}

// Member is a team as cohorts see it: its attributes and whether its organisation
// shares with other organisations (SCORING.md "Cohort privacy").
type Member struct {
	Team, Organisation         string
	Setting, Specialty, Nation string
	Shares                     bool
}

// Entry is a team's latest submitted assessment in one population (a questionnaire id
// and major version): the exact scores of its scored considerations by key.
type Entry struct {
	Member
	Scores map[string]float64
}

// Index holds, per population, the latest scores of every team in each cohort as
// sorted arrays, so a comparison is a few binary searches rather than a scan of
// assessments. It is not safe for concurrent use; callers guard it.
//
// A team in an organisation that shares sits in five cohorts: the shared pool's all,
// setting, specialty and nation cohorts, and its organisation's. A team in one that
// does not share sits only in its organisation's pool (all, setting, specialty, nation;
// its organisation cohort is its pool's all), so it never appears to other
// organisations and never sees them.
type Index struct {
	pops map[string]*population
	strs map[string]uint32 // interned organisation ids and attribute values; 0 is ""
	n    uint32
}

// population is one questionnaire id and major version.
type population struct {
	keys   []string // consideration keys, in the order first seen
	keyIdx map[string]int
	teams  map[string]int32 // team id -> index into recs
	recs   []rec
	scores []float64 // len(recs) x len(keys), NaN where not scored
	groups map[group][][]float64
}

// rec is a team's cohort attributes, interned to keep the index small.
type rec struct {
	org, setting, specialty, nation uint32
	shares                          bool
}

// group names one sorted cohort: a pool (0 for the shared pool, else an organisation),
// a kind among all, setting, specialty and nation, and the attribute value.
type group struct {
	pool  uint32
	kind  uint8
	value uint32
}

const (
	gAll uint8 = iota
	gSetting
	gSpecialty
	gNation
)

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{pops: map[string]*population{}, strs: map[string]uint32{"": 0}}
}

func (ix *Index) intern(s string) uint32 {
	if v, ok := ix.strs[s]; ok {
		return v
	}
	ix.n++
	ix.strs[s] = ix.n
	return ix.n
}

func (ix *Index) pop(name string) *population {
	p := ix.pops[name]
	if p == nil {
		p = &population{keyIdx: map[string]int{}, teams: map[string]int32{}, groups: map[group][][]float64{}}
		ix.pops[name] = p
	}
	return p
}

// Build returns an index of entries, read once: every array is filled, then sorted
// once, which is much faster than inserting in order. A later entry of a team in a
// population replaces an earlier one.
func Build(entries iter.Seq2[string, Entry]) *Index {
	ix := NewIndex()
	for name, e := range entries {
		p := ix.pop(name)
		if i, ok := p.teams[e.Team]; ok {
			p.recs[i] = ix.rec(e.Member)
			p.setScores(i, e.Scores)
			continue
		}
		ix.record(p, e)
	}
	for _, p := range ix.pops {
		p.recs, p.scores = slices.Clip(slices.Clone(p.recs)), slices.Clip(slices.Clone(p.scores))
		for i := range p.recs {
			p.place(int32(i), false)
		}
		for _, arrays := range p.groups {
			for j, a := range arrays {
				slices.Sort(a)
				if cap(a) > len(a) {
					arrays[j] = slices.Clone(a) // drop the spare capacity append left
				}
			}
		}
	}
	return ix
}

// Put makes e the team's latest entry in the population, replacing its previous one.
func (ix *Index) Put(pop string, e Entry) {
	p := ix.pop(pop)
	if i, ok := p.teams[e.Team]; ok {
		p.unplace(i)
		p.recs[i] = ix.rec(e.Member)
		p.setScores(i, e.Scores)
		p.place(i, true)
		return
	}
	p.place(ix.record(p, e), true)
}

// record appends a new team to the population and returns its index.
func (ix *Index) record(p *population, e Entry) int32 {
	i := int32(len(p.recs))
	p.teams[e.Team] = i
	p.recs = append(p.recs, ix.rec(e.Member))
	for range p.keys {
		p.scores = append(p.scores, math.NaN())
	}
	p.setScores(i, e.Scores)
	return i
}

func (ix *Index) rec(m Member) rec {
	return rec{org: ix.intern(m.Organisation), setting: ix.intern(m.Setting),
		specialty: ix.intern(m.Specialty), nation: ix.intern(m.Nation), shares: m.Shares}
}

// setScores writes team i's scores, adding any consideration key not seen before.
func (p *population) setScores(i int32, scores map[string]float64) {
	for k := range scores {
		p.key(k)
	}
	row := p.scores[int(i)*len(p.keys) : (int(i)+1)*len(p.keys)]
	for j, k := range p.keys {
		if v, ok := scores[k]; ok {
			row[j] = v
		} else {
			row[j] = math.NaN()
		}
	}
}

// key returns the index of consideration k, widening every team's row when k is new
// (a minor version may add a consideration: rare, so the copy is affordable).
func (p *population) key(k string) int {
	if j, ok := p.keyIdx[k]; ok {
		return j
	}
	old := len(p.keys)
	p.keyIdx[k] = old
	p.keys = append(p.keys, k)
	wide := make([]float64, 0, len(p.recs)*(old+1))
	for i := range p.recs {
		wide = append(wide, p.scores[i*old:(i+1)*old]...)
		wide = append(wide, math.NaN())
	}
	p.scores = wide
	for g, arrays := range p.groups {
		p.groups[g] = append(arrays, nil)
	}
	return old
}

// groupsOf lists the cohorts team r sits in.
func groupsOf(r rec) []group {
	pool := uint32(0)
	if !r.shares {
		pool = r.org
	}
	gs := []group{{pool, gAll, 0}, {pool, gSetting, r.setting}, {pool, gSpecialty, r.specialty}, {pool, gNation, r.nation}}
	if r.shares {
		gs = append(gs, group{r.org, gAll, 0})
	}
	return gs
}

// inGroup reports whether team r sits in cohort g, as groupsOf would say, without
// allocating.
func inGroup(r rec, g group) bool {
	switch {
	case r.shares && g == group{r.org, gAll, 0}:
		return true
	case r.shares && g.pool != 0, !r.shares && g.pool != r.org:
		return false
	}
	switch g.kind {
	case gSetting:
		return g.value == r.setting
	case gSpecialty:
		return g.value == r.specialty
	case gNation:
		return g.value == r.nation
	}
	return g.value == 0
}

// place adds team i's scores to its cohorts: in order when sorted, else appended for
// Build to sort.
func (p *population) place(i int32, sorted bool) {
	row := p.scores[int(i)*len(p.keys) : (int(i)+1)*len(p.keys)]
	for _, g := range groupsOf(p.recs[i]) {
		arrays := p.groups[g]
		if arrays == nil {
			arrays = make([][]float64, len(p.keys))
			p.groups[g] = arrays
		}
		for j, v := range row {
			switch {
			case math.IsNaN(v):
			case sorted:
				at, _ := slices.BinarySearch(arrays[j], v)
				arrays[j] = slices.Insert(arrays[j], at, v)
			default:
				arrays[j] = append(arrays[j], v)
			}
		}
	}
}

// unplace removes one occurrence of each of team i's scores from its cohorts.
func (p *population) unplace(i int32) {
	row := p.scores[int(i)*len(p.keys) : (int(i)+1)*len(p.keys)]
	for _, g := range groupsOf(p.recs[i]) {
		arrays := p.groups[g]
		for j, v := range row {
			if math.IsNaN(v) {
				continue
			}
			if at, found := slices.BinarySearch(arrays[j], v); found {
				arrays[j] = slices.Delete(arrays[j], at, at+1)
			}
		}
	}
}

// Compare compares own, the score of consideration key of an assessment of team
// self, with self's cohort of kind in population pop: the latest entries of the
// other teams. Self's own latest entry is left out arithmetically (it may be another
// assessment than the one being compared). The result is what Compare over that
// cohort would return.
func (ix *Index) Compare(pop string, self Member, kind Kind, key string, own float64) Stats {
	sorted, skip := ix.cohort(pop, self, kind, key)
	return compareWithout(own, sorted, skip)
}

// cohort returns the sorted array of self's cohort and, when self's own latest entry
// is in it, that entry's value to leave out (NaN otherwise).
func (ix *Index) cohort(pop string, self Member, kind Kind, key string) ([]float64, float64) {
	p := ix.pops[pop]
	if p == nil {
		return nil, math.NaN()
	}
	j, ok := p.keyIdx[key]
	if !ok {
		return nil, math.NaN()
	}
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

// groupFor is the cohort of kind for self; false when an attribute was never indexed
// (then no team shares it and the cohort is empty).
func (ix *Index) groupFor(self Member, kind Kind) (group, bool) {
	org, ok := ix.strs[self.Organisation]
	if !ok && (kind == Organisation || !self.Shares) {
		return group{}, false
	}
	pool := uint32(0)
	if !self.Shares {
		pool = org
	}
	value := func(s string) (uint32, bool) { v, ok := ix.strs[s]; return v, ok }
	switch kind {
	case Setting:
		v, ok := value(self.Setting)
		return group{pool, gSetting, v}, ok
	case Specialty:
		v, ok := value(self.Specialty)
		return group{pool, gSpecialty, v}, ok
	case Nation:
		v, ok := value(self.Nation)
		return group{pool, gNation, v}, ok
	case Organisation:
		return group{org, gAll, 0}, true
	}
	return group{pool, gAll, 0}, true
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

// Teams is the number of teams indexed in the population.
func (ix *Index) Teams(pop string) int {
	if p := ix.pops[pop]; p != nil {
		return len(p.recs)
	}
	return 0
}
