package scoring

import "math"

// roundEpsilon absorbs binary floating-point error before rounding. A score that is
// exactly 12.25 or 24.95 on paper may be held as 24.949999999999999; without this nudge it
// would round down and disagree with the hand calculation users are told to make. Scores
// are ratios of small numbers, so a true value within 1e-9 (relative) of a half is
// never anything but that half.
const roundEpsilon = 1e-9

// Round rounds x half away from zero to one decimal, the precision scores are shown and
// stored at: 12.25 -> 12.3, -12.25 -> -12.3, 24.95 -> 25.0. It never returns -0.
func Round(x float64) float64 {
	y := x * 10
	y += math.Copysign(roundEpsilon*math.Max(1, math.Abs(y)), y)
	r := math.Round(y) / 10 // math.Round rounds half away from zero
	if r == 0 {
		return 0 // turn -0 into 0, so JSON never shows "-0"
	}
	return r
}

// Level is a maturity level: a band of scores with a name teams recognise.
type Level struct {
	Key   string
	Label string
	// Min is the lowest (rounded) score of the band; the band runs up to the next
	// level's Min, the last one up to 100.
	Min float64
}

// Maturity level keys.
const (
	LevelGettingStarted = "getting_started"
	LevelDeveloping     = "developing"
	LevelEstablished    = "established"
	LevelEmbedded       = "embedded"
)

// Levels are the maturity levels of SCORING.md, lowest first.
var Levels = []Level{
	{Key: LevelGettingStarted, Label: "Getting started", Min: 0},
	{Key: LevelDeveloping, Label: "Developing", Min: 25},
	{Key: LevelEstablished, Label: "Established", Min: 50},
	{Key: LevelEmbedded, Label: "Embedded", Min: 75},
}

// LevelOf returns the maturity level of a score. The level is taken from the ROUNDED
// score, so it always agrees with the figure users see: an exact 24.95 is shown as 25.0
// and must read "Developing", not "Getting started". Scores below 0 fall in the first
// level.
func LevelOf(score float64) Level {
	s := Round(score)
	level := Levels[0]
	for _, l := range Levels[1:] {
		if s >= l.Min {
			level = l
		}
	}
	return level
}
