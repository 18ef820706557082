package auth

import (
	"context"
	"testing"
	"time"
)

func TestOptionsDefaults(t *testing.T) {
	t.Parallel()
	got := Options{TokenTTL: time.Hour, Limits: Limits{PerAccount: 5}}.withDefaults()
	want := map[string][2]any{
		"SessionIdle":      {got.SessionIdle, 30 * time.Minute},
		"SessionAbsolute":  {got.SessionAbsolute, 12 * time.Hour},
		"TokenTTL (given)": {got.TokenTTL, time.Hour},
		"InvitationTTL":    {got.InvitationTTL, 7 * 24 * time.Hour},
		"Window":           {got.Limits.Window, 15 * time.Minute},
		"PerAccount":       {got.Limits.PerAccount, 5},
		"PerAddress":       {got.Limits.PerAddress, 30},
	}
	for name, v := range want {
		if v[0] != v[1] {
			t.Errorf("%s = %v, want %v", name, v[0], v[1])
		}
	}
	if got.Now == nil || got.Log == nil {
		t.Error("Now or Log left nil")
	}
}

func TestClientIP(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	if ip := ClientIP(ctx); ip != "" {
		t.Errorf("ClientIP of a bare context = %q", ip)
	}
	if ip := ClientIP(WithClientIP(ctx, "192.0.2.1")); ip != "192.0.2.1" {
		t.Errorf("ClientIP = %q, want 192.0.2.1", ip)
	}
}
