package benchmark

import (
	"iter"
	"math"
	"slices"
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

// Index holds, per population, the latest scores of every team, so a comparison
// never scans assessments. It is not safe for concurrent use; callers guard it.
//
// The teams of organisations that share form the shared pool: its all, setting,
// specialty and nation cohorts are sorted arrays per consideration, so a comparison
// is a few binary searches, O(log n). Cohorts within one organisation (the
// organisation cohort, and every cohort of a team whose organisation does not share)
// are worked out from the organisation's list of teams, O(m log m) for m teams in the
// organisation: organisations are small, and one sorted array per organisation,
// cohort and consideration would cost more memory than all the shared arrays. A team
// of an organisation that does not share is in no shared array, so it never appears
// to other organisations and never sees them.
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
	scores []float64             // len(recs) x len(keys), NaN where not scored
	groups map[group][][]float64 // the shared pool's cohorts
	orgs   map[uint32][]int32    // organisation -> its teams, indexes into recs
}

// rec is a team's cohort attributes, interned to keep the index small.
type rec struct {
	org, setting, specialty, nation uint32
	shares                          bool
}

// group names one sorted cohort of the shared pool: a kind among all, setting,
// specialty and nation, and the attribute value.
type group struct {
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
		p = &population{keyIdx: map[string]int{}, teams: map[string]int32{}, groups: map[group][][]float64{},
			orgs: map[uint32][]int32{}}
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
			p.setRec(i, ix.rec(e.Member))
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
		p.setRec(i, ix.rec(e.Member))
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
	r := ix.rec(e.Member)
	p.recs = append(p.recs, r)
	p.orgs[r.org] = append(p.orgs[r.org], i)
	for range p.keys {
		p.scores = append(p.scores, math.NaN())
	}
	p.setScores(i, e.Scores)
	return i
}

// setRec replaces team i's attributes, moving it between organisations' lists if
// need be (teams do not move, but the index does not rely on it).
func (p *population) setRec(i int32, r rec) {
	if old := p.recs[i].org; old != r.org {
		p.orgs[old] = slices.DeleteFunc(p.orgs[old], func(j int32) bool { return j == i })
		p.orgs[r.org] = append(p.orgs[r.org], i)
	}
	p.recs[i] = r
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

// groupsOf lists the shared cohorts team r sits in: none unless it shares.
func groupsOf(r rec) []group {
	if !r.shares {
		return nil
	}
	return []group{{gAll, 0}, {gSetting, r.setting}, {gSpecialty, r.specialty}, {gNation, r.nation}}
}

// inGroup reports whether team r sits in shared cohort g, without allocating.
func inGroup(r rec, g group) bool {
	if !r.shares {
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
	return true
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

// Teams is the number of teams indexed in the population.
func (ix *Index) Teams(pop string) int {
	if p := ix.pops[pop]; p != nil {
		return len(p.recs)
	}
	return 0
}

// SetSharing records that organisation org now does (or does not) share with other
// organisations: its teams join (or leave) the shared cohorts of every population.
func (ix *Index) SetSharing(org string, shares bool) {
	o, ok := ix.strs[org]
	if !ok {
		return // no team of org is indexed
	}
	for _, p := range ix.pops {
		for _, i := range p.orgs[o] {
			if p.recs[i].shares == shares {
				continue
			}
			p.unplace(i)
			p.recs[i].shares = shares
			p.place(i, true)
		}
	}
}

// SetAttributes records a team's new setting, specialty and nation in every
// population it is indexed in, moving its scores between cohorts.
func (ix *Index) SetAttributes(team, setting, specialty, nation string) {
	for _, p := range ix.pops {
		i, ok := p.teams[team]
		if !ok {
			continue
		}
		p.unplace(i)
		r := p.recs[i]
		r.setting, r.specialty, r.nation = ix.intern(setting), ix.intern(specialty), ix.intern(nation)
		p.recs[i] = r
		p.place(i, true)
	}
}
