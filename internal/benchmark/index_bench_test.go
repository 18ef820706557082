package benchmark

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// The benchmarks model a national deployment: six considerations, 8 settings, 30
// specialties, 4 nations, 20 teams per organisation and one organisation in ten not
// sharing. Scores are random full-precision values, so every array holds distinct
// values (real scores tie far more). "assessments" counts stored submitted
// assessments over teams = assessments / rounds; only each team's latest is indexed.
//
//	go test -run '^$' -bench Index -benchmem ./internal/benchmark/
var benchKeys = []string{"access", "safety", "equity", "experience", "workforce", "sustainability"}

type benchSize struct {
	name          string
	teams, rounds int
}

var benchSizes = []benchSize{
	{"assessments=10k/teams=2.5k", 2_500, 4},
	{"assessments=100k/teams=25k", 25_000, 4},
	{"assessments=1M/teams=250k", 250_000, 4},
	{"assessments=1M/teams=1M", 1_000_000, 1},
}

// benchEntries yields rounds entries per team (the last one is its latest), as a
// store would stream them; one scores map is reused since Build copies the values.
func benchEntries(ids []string, rounds int) iter.Seq2[string, Entry] {
	return func(yield func(string, Entry) bool) {
		r := rand.New(rand.NewPCG(1, 2))
		scores := map[string]float64{}
		for round := range rounds {
			for i, id := range ids {
				for _, k := range benchKeys {
					scores[k] = r.Float64() * 100
				}
				// A fresh id string per entry, as a database scan would give.
				e := Entry{Member: benchMember(strings.Clone(id), i), Scores: scores}
				_ = round
				if !yield(pop, e) {
					return
				}
			}
		}
	}
}

// benchAttrs are the attribute values; made once so the benchmark times the index,
// not fmt.
var benchAttrs = func() (a struct{ orgs, settings, specialties, nations []string }) {
	for i := range 1_000_000 / 20 {
		a.orgs = append(a.orgs, fmt.Sprintf("org%07d", i))
	}
	for i := range 30 {
		a.settings = append(a.settings, fmt.Sprintf("setting%d", i%8))
		a.specialties = append(a.specialties, fmt.Sprintf("specialty%d", i))
		a.nations = append(a.nations, fmt.Sprintf("nation%d", i%4))
	}
	return a
}()

func benchMember(id string, i int) Member {
	org := i / 20
	return Member{Team: id, Organisation: benchAttrs.orgs[org], Shares: org%10 != 0,
		Setting: benchAttrs.settings[i%8], Specialty: benchAttrs.specialties[i%30],
		Nation: benchAttrs.nations[i%4]}
}

func benchIDs(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("team%022d", i) // 26 characters, like real ids
	}
	return ids
}

// BenchmarkIndexBuild builds the index from every stored assessment (a start-up or a
// rebuild) and reports the heap the index keeps once built.
func BenchmarkIndexBuild(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			ids := benchIDs(size.teams)
			var heap uint64
			for b.Loop() {
				heap = heapOf(func() any { return Build(benchEntries(ids, size.rounds)) })
			}
			b.ReportMetric(float64(heap)/1e6, "MB-index")
		})
	}
}

// heapOf is the live heap that what build returns keeps, measured after a collection.
func heapOf(build func() any) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	if after.HeapAlloc < before.HeapAlloc {
		return 0
	}
	return after.HeapAlloc - before.HeapAlloc
}

// BenchmarkIndexQuery is one benchmark request: the six considerations of one team
// against its all cohort (the largest: binary searches in the shared arrays) and its
// organisation cohort (a scan of the organisation's 20 teams), and of a team whose
// organisation does not share (every cohort a scan of its organisation).
func BenchmarkIndexQuery(b *testing.B) {
	for _, size := range benchSizes {
		ids := benchIDs(size.teams)
		ix := Build(benchEntries(ids, 1))
		sharing, private := size.teams/2+20, size.teams/2 // organisations 1 in 10 do not share
		for sharing/20%10 == 0 {
			sharing += 20
		}
		for private/20%10 != 0 {
			private += 20
		}
		for _, q := range []struct {
			name string
			self Member
			kind Kind
		}{
			{"cohort=all", benchMember(ids[sharing], sharing), All},
			{"cohort=organisation", benchMember(ids[sharing], sharing), Organisation},
			{"cohort=all/not-sharing", benchMember(ids[private], private), All},
		} {
			self, kind := q.self, q.kind
			b.Run(size.name+"/"+q.name, func(b *testing.B) {
				for b.Loop() {
					for _, k := range benchKeys {
						benchSink = ix.Compare(pop, self, kind, k, 62.5)
					}
				}
			})
		}
	}
}

// BenchmarkIndexPut is a submission: one team's latest replaced in its five cohorts.
func BenchmarkIndexPut(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(size.name, func(b *testing.B) {
			ids := benchIDs(size.teams)
			ix := Build(benchEntries(ids, 1))
			r := rand.New(rand.NewPCG(3, 4))
			scores := map[string]float64{}
			b.ResetTimer()
			for b.Loop() {
				i := r.IntN(size.teams)
				for _, k := range benchKeys {
					scores[k] = r.Float64() * 100
				}
				ix.Put(pop, Entry{Member: benchMember(ids[i], i), Scores: scores})
			}
		})
	}
}

var benchSink Stats
