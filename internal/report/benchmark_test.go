package report

import (
	"strings"
	"testing"
)

func TestBenchmarkWords(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ got, want string }{
		{PercentileRank(62.5), "Higher than 62.5% of similar teams"},
		{PercentileRank(100.0 / 3), "Higher than 33.3% of similar teams"},
		{NotEnoughTeams(3), "Not enough similar teams yet (3 of the 5 needed)"},
		{ComparedWith(23, false)[:53], "Compared with the latest results of 23 other teams. O"},
		{ComparedWith(1, false)[:50], "Compared with the latest results of 1 other team. "},
		{ComparedWith(0, false)[:46], "No other team has results to compare with yet."},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if s := ComparedWith(4, true); !strings.Contains(s, "compared only with teams in your organisation") || !strings.Contains(s, "never your answers") {
		t.Errorf("ComparedWith for an organisation that does not share: %q", s)
	}
}
